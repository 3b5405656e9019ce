package ru.promtour.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The processes {@code ./run.sh} runs, for the suite to break and mend: a component's pid from {@code .run/pids},
 * {@code kill -9} or a clean stop, a start again with {@code RUN_ONLY=<name> ./run.sh} (same data folder, the others
 * keep running), and the local stack's fault switches ({@code POST /api/faults}).
 */
final class Stack {

    private final Path root;
    private final Path data;
    private final Path logs;
    private final Client messages;

    Stack(Path root, Path data, Path logs, String messagesUrl) {
        this.root = root;
        this.data = data;
        this.logs = logs;
        this.messages = new Client(messagesUrl, null);
    }

    Client messages() {
        return messages;
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye to the broker or the store. */
    void kill(String name) {
        ProcessHandle process = process(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroyForcibly();
        awaitExit(process, name);
    }

    /** A clean stop (SIGTERM), as an operator or an orchestrator stops it. */
    void stop(String name) {
        ProcessHandle process = process(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroy();
        awaitExit(process, name);
    }

    /** {@code RUN_ONLY=<name> ./run.sh} in the background; returns once it reports the component healthy. */
    void start(String name, String scenario) {
        Path log = logs.resolve(scenario + "-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(root.resolve("run.sh").toString()).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("RUN_ONLY", name);
        env.put("SKIP_BUILD", "1");
        env.put("LOAD_DEMO", "0");
        env.put("LOCAL_STACK_DATA_DIR", data.toString());
        env.put("STARTUP_TIMEOUT", "240");
        try {
            Process run = builder.start();
            long deadline = System.currentTimeMillis() + 300_000;
            while (!Files.readString(log, StandardCharsets.UTF_8).contains("Platform healthy in")) {
                if (!run.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(name + " did not start again; see " + log);
                }
                Thread.sleep(200);  // polling another process's log for its readiness line
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + name, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Switches a fault of the local stack's SMTP catcher or SMS API ({@code mode} up to end it). */
    void fault(String target, String mode, Duration duration, Duration delay) {
        StringBuilder query = new StringBuilder("/api/faults?target=" + target + "&mode=" + mode);
        if (duration != null) {
            query.append("&seconds=").append(duration.toSeconds());
        }
        if (delay != null) {
            query.append("&delayMillis=").append(delay.toMillis());
        }
        Client.Answer answer = messages.post(query.toString(), null);
        if (answer.status() != 200) {
            throw new IllegalStateException("The local stack refused the fault " + query + ": " + answer.status() + " " + answer.body());
        }
    }

    private Optional<ProcessHandle> process(String name) {
        Path pid = root.resolve(".run/pids/" + name + ".pid");
        try {
            return Files.exists(pid) ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())) : Optional.empty();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void awaitExit(ProcessHandle process, String name) {
        try {
            process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit", ex);
        }
    }
}
