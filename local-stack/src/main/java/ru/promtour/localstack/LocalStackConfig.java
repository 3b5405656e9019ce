package ru.promtour.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the local stack keeps its data and which ports it listens on. {@link #fromEnv(Map)} is what
 * {@code main} uses; tests build one directly with free ports and a temporary folder, so the whole
 * stack can run twice on one machine.
 */
public record LocalStackConfig(Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
        int smtpPort, int smsPort, int messagesPort, String smsToken, int messagesRetain) {

    /** Every component binds to the loopback only: this is a developer machine, not a server. */
    public static final String HOST = "127.0.0.1";

    public static final String DEFAULT_SMS_TOKEN = "local-dev-sms-token";

    public LocalStackConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
        if (smsToken == null || smsToken.isBlank()) {
            throw new IllegalArgumentException("The SMS sink token must not be blank");
        }
        if (messagesRetain < 1) {
            throw new IllegalArgumentException("MESSAGES_RETAIN must be at least 1, was " + messagesRetain);
        }
        Map<Integer, String> seen = new HashMap<>();
        checkPort(seen, "KAFKA_PORT", kafkaPort);
        checkPort(seen, "KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        checkPort(seen, "MONGO_PORT", mongoPort);
        checkPort(seen, "SMTP_PORT", smtpPort);
        checkPort(seen, "SMS_PORT", smsPort);
        checkPort(seen, "MESSAGES_PORT", messagesPort);
    }

    /**
     * Reads {@code LOCAL_STACK_DATA_DIR} (default {@code ./.data}), {@code KAFKA_PORT} (9092),
     * {@code KAFKA_CONTROLLER_PORT} (9093), {@code MONGO_PORT} (27017), {@code SMTP_PORT} (2525),
     * {@code SMS_PORT} (8026), {@code MESSAGES_PORT} (8025), {@code SMS_SINK_TOKEN} and
     * {@code MESSAGES_RETAIN} (how many messages stay in memory, 10 000).
     */
    public static LocalStackConfig fromEnv(Map<String, String> env) {
        return new LocalStackConfig(
                Path.of(value(env, "LOCAL_STACK_DATA_DIR", ".data")),
                number(env, "KAFKA_PORT", 9092),
                number(env, "KAFKA_CONTROLLER_PORT", 9093),
                number(env, "MONGO_PORT", 27017),
                number(env, "SMTP_PORT", 2525),
                number(env, "SMS_PORT", 8026),
                number(env, "MESSAGES_PORT", 8025),
                value(env, "SMS_SINK_TOKEN", DEFAULT_SMS_TOKEN),
                number(env, "MESSAGES_RETAIN", MessageLog.DEFAULT_RETAIN));
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo").resolve("store.mv");
    }

    public Path messagesFile() {
        return dataDir.resolve("messages.jsonl");
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(Map<String, String> env, String name, int fallback) {
        String value = value(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static void checkPort(Map<Integer, String> seen, String name, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), was " + port);
        }
        String other = seen.putIfAbsent(port, name);
        if (other != null) {
            throw new IllegalArgumentException(name + " and " + other + " are both " + port + "; each component needs its own port");
        }
    }
}
