package ru.promtour.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Resident memory (VmRSS) of each process {@code ./run.sh} started, from its pid files: {@code results/memory.json}. */
public final class Processes {

    public static void main(String[] args) throws IOException {
        Path pids = Path.of(args.length > 0 ? args[0] : "../.run/pids");
        ObjectNode memory = Bench.JSON.createObjectNode();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replace(".pid", "");
                String pid = Files.readString(file).trim();
                Path status = Path.of("/proc", pid, "status");
                if (Files.exists(status)) {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            memory.put(name, Long.parseLong(line.replaceAll("\\D", "")) / 1024);  // kB → MB
                        }
                    }
                }
            }
        }
        Bench.writeResult("memory", memory);
        System.out.println(memory);
    }
}
