package ru.promtour.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where the suite finds the platform and keeps its results. Everything is a system property with the
 * local stack's defaults (the ports of {@code ./run.sh}); results are JSON files under {@code bench.dir}
 * (default {@code target/bench}) that {@link Report} turns into {@code docs/benchmarks.md}.
 */
final class Bench {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final String GATEWAY = property("bench.gateway", "http://localhost:8080");
    static final String BOOKING_DIRECT = property("bench.booking", "http://localhost:8082");
    static final String MESSAGES = property("bench.messages", "http://localhost:8025");
    static final String MONGO = property("bench.mongo", "mongodb://localhost:27017");
    static final String KAFKA = property("bench.kafka", "localhost:9092");
    /** The gateway's signing key directory ({@code ./run.sh}: {@code <data folder>/gateway-keys}). */
    static final Path SIGNING_KEYS = Path.of(property("bench.signingKeys", ".data/gateway-keys"));
    static final String ADMIN_KEY = property("bench.adminKey", "dev-admin-key-change-me");
    static final Path DIR = Path.of(property("bench.dir", "target/bench"));

    private Bench() {
    }

    static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int intProperty(String name, int fallback) {
        return Integer.parseInt(property(name, String.valueOf(fallback)));
    }

    /** The tenants, product and slots {@link Setup} created for this run. */
    static JsonNode setup() {
        return read(DIR.resolve("setup.json"));
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read " + file + " (run load-tests/run-all.sh, which writes it)", ex);
        }
    }

    /** One result file per measured figure group: {@code target/bench/results/<name>.json}. */
    static void writeResult(String name, ObjectNode result) {
        write(DIR.resolve("results").resolve(name + ".json"), result);
    }

    static void write(Path file, JsonNode content) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), content);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write " + file, ex);
        }
    }
}
