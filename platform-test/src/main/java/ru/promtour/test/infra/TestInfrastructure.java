package ru.promtour.test.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import ru.promtour.localstack.KafkaBroker;
import ru.promtour.localstack.MongoStore;

/**
 * The one switch behind every integration test: where Kafka and MongoDB come from.
 * <p>
 * For each of the two, in this order: an external server named by {@code KAFKA_BOOTSTRAP_SERVERS} /
 * {@code MONGODB_URI}; Testcontainers when a Docker engine answers; else the local stack's embedded
 * broker and store on free ports. {@code TEST_INFRASTRUCTURE=embedded|testcontainers} forces a mode.
 * Servers start once per JVM, are shared by every test context, and stop when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String MONGO_IMAGE = "mongo:8.0.15";

    /** Where a server comes from. */
    public enum Mode { EXTERNAL, TESTCONTAINERS, EMBEDDED }

    private static final TestInfrastructure INSTANCE = new TestInfrastructure();

    private final Supplier<Boolean> docker = memoize(TestInfrastructure::dockerAnswers);
    private final Supplier<Server<KafkaContainer>> kafka = memoize(this::startKafka);
    private final Supplier<Server<MongoDBContainer>> mongo = memoize(this::startMongo);

    private record Server<C>(Mode mode, String address, C container) {
    }

    private TestInfrastructure() {
    }

    /** The shared infrastructure; each server starts on first use. */
    public static TestInfrastructure get() {
        return INSTANCE;
    }

    /** Where Kafka comes from, decided without starting it. */
    public Mode kafkaMode() {
        return env("KAFKA_BOOTSTRAP_SERVERS") != null ? Mode.EXTERNAL
                : docker.get() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
    }

    /** Where MongoDB comes from, decided without starting it. */
    public Mode mongoMode() {
        return env("MONGODB_URI") != null ? Mode.EXTERNAL
                : docker.get() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
    }

    public String kafkaBootstrapServers() {
        return kafka.get().address();
    }

    public String mongoUri() {
        return mongo.get().address();
    }

    /** The running Kafka container, or null when Kafka is not from Testcontainers. */
    public KafkaContainer kafkaContainer() {
        return kafka.get().container();
    }

    /** The running MongoDB container, or null when MongoDB is not from Testcontainers. */
    public MongoDBContainer mongoContainer() {
        return mongo.get().container();
    }

    private Server<KafkaContainer> startKafka() {
        Server<KafkaContainer> server = switch (kafkaMode()) {
            case EXTERNAL -> new Server<>(Mode.EXTERNAL, env("KAFKA_BOOTSTRAP_SERVERS"), null);
            case TESTCONTAINERS -> {
                KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
                container.start();
                yield new Server<>(Mode.TESTCONTAINERS, container.getBootstrapServers(), container);
            }
            case EMBEDDED -> new Server<>(Mode.EMBEDDED, startEmbeddedKafka(), null);
        };
        log.info("Test infrastructure: Kafka {} at {}", server.mode(), server.address());
        return server;
    }

    private Server<MongoDBContainer> startMongo() {
        Server<MongoDBContainer> server = switch (mongoMode()) {
            case EXTERNAL -> new Server<>(Mode.EXTERNAL, env("MONGODB_URI"), null);
            case TESTCONTAINERS -> {
                MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
                container.start();
                yield new Server<>(Mode.TESTCONTAINERS, container.getReplicaSetUrl(), container);
            }
            case EMBEDDED -> {
                MongoStore store = MongoStore.inMemory().start();
                Runtime.getRuntime().addShutdownHook(new Thread(store::close, "embedded-mongo-stop"));
                yield new Server<>(Mode.EMBEDDED, store.connectionString(), null);
            }
        };
        log.info("Test infrastructure: MongoDB {} at {}", server.mode(), server.address());
        return server;
    }

    private static String startEmbeddedKafka() {
        try {
            Path dir = Files.createTempDirectory("promtour-test-kafka");
            KafkaBroker broker = new KafkaBroker(freePort(), freePort(), dir.resolve("logs")).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                deleteQuietly(dir);
            }, "embedded-kafka-stop"));
            return broker.bootstrapServers();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start the embedded Kafka broker", ex);
        }
    }

    private static boolean dockerAnswers() {
        String forced = env("TEST_INFRASTRUCTURE");
        if (forced != null) {
            return forced.toLowerCase(Locale.ROOT).startsWith("testcontainers");
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
