package ru.promtour.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), started from
 * the server jars on Maven Central. Used by the local stack on fixed ports and by tests on free ports.
 * The storage is formatted once; a restart on the same directory keeps topics and offsets.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private KafkaRaftServer server;

    public KafkaBroker(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        try {
            Files.createDirectories(logDir);
            Properties props = serverProperties();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(props);
            }
            KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
            try {
                starting.startup();
            }
            catch (RuntimeException ex) {
                // a failed startup leaves threads and the storage lock behind: release them so the caller can exit or retry
                starting.shutdown();
                starting.awaitShutdown();
                throw new IllegalStateException("Kafka broker failed to start on " + bootstrapServers()
                        + " (controller port " + controllerPort + "): " + ex.getMessage(), ex);
            }
            server = starting;
            log.info("Kafka broker (KRaft) listening on {} with data in {}", bootstrapServers(), logDir);
            return this;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot prepare Kafka log directory " + logDir, ex);
        }
    }

    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // no fsync per message (Kafka's own default): an acks=all produce would wait for the disk on every event
        // of the seat saga. Appends still reach the page cache at once, so a crashed broker process loses nothing;
        // only a machine crash could, which a developer stack accepts (production Kafka relies on replication).
        // the default 128 MB compaction buffer is sized for production; compacting __consumer_offsets
        // of a developer broker needs a fraction of it, and it is allocated up front on the heap
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    private void format(Properties props) throws IOException {
        Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "written by KafkaBroker to format the storage");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", config.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(config);
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, Map.of());
    }

    /** Creates the topics that do not exist yet with these topic configs; existing ones are left as they are. */
    public void createTopics(Collection<String> names, int partitions, Map<String, String> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            Set<NewTopic> missing = names.stream()
                .filter(name -> !existing.contains(name))
                .map(name -> new NewTopic(name, partitions, (short) 1).configs(configs))
                .collect(Collectors.toSet());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topics " + names, ex.getCause());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", ex);
        }
    }

    public Set<String> listTopics(Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            return admin.listTopics().names().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Cannot list topics", ex);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
