package ru.promtour.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The processes {@code ./run.sh} started, from its pid files ({@code bench.pids}, default {@code .run/pids}), and
 * this load generator: their resident memory ({@code main}: {@code results/memory.json}) and the CPU time each
 * has used so far (utime + stime of {@code /proc/<pid>/stat}), which {@link CpuUse} turns into CPU per reserve.
 */
public final class Processes {

    /** The name under which this JVM (Gatling and the suite's own clients) is counted. */
    static final String LOAD_GENERATOR = "load generator";

    /** The order in which processes are reported: the request's path, then the infrastructure, then the client. */
    static final List<String> ORDER = List.of("gateway", "booking-service", "catalog-service", "notification-service",
            "local-stack", LOAD_GENERATOR);

    private static final long TICKS_PER_SECOND = clockTicks();

    private Processes() {
    }

    public static void main(String[] args) throws IOException {
        ObjectNode memory = Bench.JSON.createObjectNode();
        Path pids = args.length > 0 ? Path.of(args[0]) : pidDir();
        new TreeMap<>(started(pids)).forEach((name, pid) -> {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmRSS:")) {
                        memory.put(name, Long.parseLong(line.replaceAll("\\D", "")) / 1024);  // kB → MB
                    }
                }
            }
            catch (IOException ex) {
                // the process has gone: no figure for it
            }
        });
        Bench.writeResult("memory", memory);
        System.out.println(memory);
    }

    /**
     * CPU seconds used so far by each started process that still runs, and by this JVM. The extra instances of a
     * service ({@code ./run.sh} with {@code INSTANCES}: {@code booking-service-2}, …) count with their service, so
     * CPU per reserve compares across instance counts.
     */
    static Map<String, Double> cpuSeconds() {
        Map<String, Long> pids = new LinkedHashMap<>(started(pidDir()));
        pids.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = cpuTicks(pid);
            if (ticks >= 0) {
                seconds.merge(service(name), (double) ticks / TICKS_PER_SECOND, Double::sum);
            }
        });
        return seconds;
    }

    /** The service a component belongs to: {@code booking-service-2} → {@code booking-service}. */
    static String service(String component) {
        return component.replaceFirst("-\\d+$", "");
    }

    /** Each component's pid from {@code <name>.pid}, for the processes that still run. */
    static Map<String, Long> started(Path pids) {
        Map<String, Long> started = new TreeMap<>();
        if (!Files.isDirectory(pids)) {
            return started;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
            for (Path file : files) {
                String pid = Files.readString(file).trim();
                if (pid.matches("\\d+") && Files.exists(Path.of("/proc", pid))) {
                    started.put(file.getFileName().toString().replace(".pid", ""), Long.parseLong(pid));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the pid files in " + pids, ex);
        }
        return started;
    }

    /** {@code ./run.sh}'s pid folder: {@code bench.pids}, else {@code .run/pids} here or one folder up. */
    static Path pidDir() {
        String configured = System.getProperty("bench.pids");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path here = Path.of(".run", "pids");
        return Files.isDirectory(here) ? here : Path.of("..", ".run", "pids");
    }

    /**
     * utime + stime (fields 14 and 15) of {@code /proc/<pid>/stat}, in clock ticks; -1 when the process is gone.
     * The fields are counted after the command name's closing parenthesis, since the name may hold spaces.
     */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);  // fields 14 and 15, counted from 3
        }
        catch (IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** {@code getconf CLK_TCK}: the unit of the times in {@code /proc/<pid>/stat} (100 on Linux unless told). */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 && out.matches("\\d+") ? Long.parseLong(out) : 100;
        }
        catch (IOException ex) {
            return 100;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
