package ru.promtour.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole local infrastructure, started in dependency order and closed in reverse: Kafka (with the
 * platform topics), the Mongo-wire store, the SMTP catcher, the SMS sink and, last, the messages API
 * whose {@code /health} therefore answers only once everything else is up. {@code main} builds one
 * from the environment; tests build one on free ports in a temporary folder.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String HOST = LocalStackConfig.HOST;

    private final LocalStackConfig config;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private KafkaBroker kafka;
    private MongoStore mongo;
    private MessageLog messages;
    private SmtpCatcher smtp;
    private SmsSink sms;
    private MessagesApi api;

    public LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    public LocalStackConfig config() {
        return config;
    }

    /** Starts every component; on any failure stops what already started and rethrows. */
    public synchronized LocalStack start() {
        if (!running.isEmpty()) {
            return this;
        }
        long started = System.nanoTime();
        try {
            checkPortsFree();
            Files.createDirectories(config.dataDir());
            messages = keep(new MessageLog(config.messagesFile(), config.messagesRetain()));

            long t = System.nanoTime();
            kafka = keep(new KafkaBroker(config.kafkaPort(), config.kafkaControllerPort(), config.kafkaDir()).start());
            PlatformTopics topics = PlatformTopics.load();
            topics.createOn(kafka);
            log.info("Kafka     {} (KRaft, controller :{}), {} platform topics ready, data {} [{} ms]",
                    kafka.bootstrapServers(), config.kafkaControllerPort(), topics.names().size(), config.kafkaDir(),
                    millisSince(t));

            t = System.nanoTime();
            mongo = keep(MongoStore.persistent(config.mongoFile(), HOST, config.mongoPort()).start());
            log.info("Mongo     {} (mongo-java-server, H2 file {}) [{} ms]", mongo.connectionString(), config.mongoFile(),
                    millisSince(t));

            t = System.nanoTime();
            smtp = keep(new SmtpCatcher(HOST, config.smtpPort(), messages).start());
            log.info("SMTP      {}:{} (any recipient, no auth needed) [{} ms]", HOST, config.smtpPort(), millisSince(t));

            t = System.nanoTime();
            sms = keep(new SmsSink(HOST, config.smsPort(), config.smsToken(), messages).start());
            log.info("SMS API   {}{} (Authorization: Bearer <SMS_SINK_TOKEN>) [{} ms]", sms.baseUrl(), SmsSink.MESSAGES,
                    millisSince(t));

            t = System.nanoTime();
            Faults faults = keep(new Faults(smtp, sms));
            api = keep(new MessagesApi(HOST, config.messagesPort(), messages, this::health, faults).start());
            log.info("Messages  {} ({} recorded so far in {}), health {}/health [{} ms]", api.baseUrl(), messages.size(),
                    messages.file(), api.baseUrl(), millisSince(t));

            log.info("Local stack ready in {} ms", millisSince(started));
            return this;
        }
        catch (IOException ex) {
            close();
            throw new UncheckedIOException("Cannot create the data folder " + config.dataDir(), ex);
        }
        catch (RuntimeException ex) {
            close();
            throw ex;
        }
    }

    private void checkPortsFree() {
        Ports.ensureFree(HOST, config.kafkaPort(), "Kafka broker", "KAFKA_PORT");
        Ports.ensureFree(HOST, config.kafkaControllerPort(), "Kafka controller", "KAFKA_CONTROLLER_PORT");
        Ports.ensureFree(HOST, config.mongoPort(), "Mongo-wire store", "MONGO_PORT");
        Ports.ensureFree(HOST, config.smtpPort(), "SMTP server", "SMTP_PORT");
        Ports.ensureFree(HOST, config.smsPort(), "SMS sink", "SMS_PORT");
        Ports.ensureFree(HOST, config.messagesPort(), "messages API", "MESSAGES_PORT");
    }

    private <T extends AutoCloseable> T keep(T component) {
        running.push(component);
        return component;
    }

    /** What {@code /health} reports: a TCP probe of every listener, so a dead component shows DOWN. */
    Map<String, MessagesApi.ComponentHealth> health() {
        Map<String, MessagesApi.ComponentHealth> components = new LinkedHashMap<>();
        components.put("kafka", probe(config.kafkaPort(), kafka == null ? null : kafka.bootstrapServers()));
        components.put("mongo", probe(config.mongoPort(), "mongodb://" + HOST + ":" + config.mongoPort()));
        components.put("smtp", probe(config.smtpPort(), HOST + ":" + config.smtpPort()));
        components.put("sms", probe(config.smsPort(), sms == null ? null : sms.baseUrl()));
        components.put("messages", MessagesApi.ComponentHealth.of(true, "http://" + HOST + ":" + config.messagesPort()));
        return components;
    }

    private static MessagesApi.ComponentHealth probe(int port, String address) {
        return MessagesApi.ComponentHealth.of(address != null && Ports.accepts(HOST, port), address);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    public String smsBaseUrl() {
        return sms.baseUrl();
    }

    public String messagesBaseUrl() {
        return api.baseUrl();
    }

    /** Stops the components in reverse order; Kafka and the H2 file are flushed and closed cleanly. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable component = running.pop();
            try {
                component.close();
            }
            catch (Exception ex) {
                log.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), ex.toString());
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
