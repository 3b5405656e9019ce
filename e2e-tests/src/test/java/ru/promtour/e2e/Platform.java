package ru.promtour.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ru.promtour.localstack.LocalStack;
import ru.promtour.localstack.LocalStackConfig;

import static org.awaitility.Awaitility.await;

/**
 * The whole platform for scenario tests, started once per test JVM: the local stack in this JVM (real Kafka
 * broker, Mongo-wire store, SMTP catcher, SMS sink) on free ports and a temporary folder, then the gateway, the
 * services and the web module from their packaged jars as separate JVMs, exactly as {@code run.sh} runs them. Tests
 * talk only to {@link #gatewayUrl()} and read delivered messages from {@link #messagesUrl()}.
 * <p>
 * Each process logs to {@code target/e2e-logs/<name>.log}; when one does not become healthy the tail of its
 * log is in the failure message.
 * <p>
 * One instance of each service by default; {@link #scale(Map)} runs services as several instances behind the gateway
 * for the test that needs them (issue 20), as {@code INSTANCES=booking-service=2,… ./run.sh}.
 */
public final class Platform {

    /** Random per run, and always long enough for the gateway (at least 16 characters). */
    public static final String ADMIN_KEY = "e2e-admin-key-" + UUID.randomUUID();
    static final String SMS_TOKEN = "e2e-sms-token";
    private static final List<String> SERVICES = List.of("catalog-service", "booking-service", "notification-service",
            "reporting-service", "web", "gateway");
    /** The services that may run as several instances (the web module keeps its sessions in memory here). */
    private static final List<String> SCALABLE = List.of("catalog-service", "booking-service", "notification-service",
            "reporting-service");
    private static final String JAVA_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xms32m -Xmx192m "
            + "-XX:MaxMetaspaceSize=192m -XX:+ExitOnOutOfMemoryError";

    private static Platform instance;

    private final LocalStack stack;
    private final SpanCollector spans = new SpanCollector();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** The services' actuator ports (the gateway has none: its actuator stays on its main port). */
    private final Map<String, Integer> managementPorts = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Each service's running instances, the first one the default platform's; the gateway balances over them. */
    private final Map<String, List<String>> instances = new LinkedHashMap<>();
    private final Path logs;
    private final Set<String> launched = new HashSet<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The running platform, started on first use and stopped when the test JVM exits. */
    public static synchronized Platform get() {
        if (instance == null) {
            instance = new Platform();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "e2e-platform-stop"));
            instance.start();
        }
        return instance;
    }

    private Platform() {
        try {
            Path data = Files.createTempDirectory("promtour-e2e-");
            logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
            Files.createDirectories(logs);
            stack = new LocalStack(new LocalStackConfig(data, freePort(), freePort(), freePort(), freePort(), freePort(),
                    freePort(), SMS_TOKEN, 10_000));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        SERVICES.forEach(name -> ports.put(name, freePort()));
        SCALABLE.forEach(name -> instances.put(name, new ArrayList<>(List.of(name))));
        SERVICES.stream().filter(name -> !name.equals("gateway")).forEach(name -> managementPorts.put(name, freePort()));
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** The local stack's message log: {@code GET /api/messages?to=}. */
    public String messagesUrl() {
        return stack.messagesBaseUrl();
    }

    /** The local stack's Kafka broker, for checks that read the consumer groups. */
    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    /** A service's running instances: {@code booking-service}, then {@code booking-service-2}, … */
    public synchronized List<String> instances(String service) {
        return List.copyOf(instancesOf(service));
    }

    /**
     * Runs each service of {@code counts} as that many instances: each extra one ({@code booking-service-2}, …) a JVM of
     * its service's jar on ports of its own, with the same store and the same consumer groups, logging to
     * {@code target/e2e-logs/booking-service-2.log}; then the gateway is restarted once with all of them in
     * {@code BOOKING_SERVICE_URL} etc. (comma-separated) and balances over them. Going back to fewer restarts the
     * gateway first, so it never routes to an instance that is stopping. The gateway keeps its signing keys (files), API
     * keys and operators (the store) across the restart; its in-memory rate limits start afresh.
     */
    public synchronized void scale(Map<String, Integer> counts) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        counts.forEach((service, count) -> {
            List<String> running = instancesOf(service);
            if (count < 1) {
                throw new IllegalArgumentException(service + " needs at least one instance, not " + count);
            }
            for (int n = running.size() + 1; n <= count; n++) {
                String name = service + "-" + n;
                ports.put(name, freePort());
                managementPorts.put(name, freePort());
                processes.put(name, launch(name));
                added.add(name);
            }
            if (count < running.size()) {
                removed.addAll(running.subList(count, running.size()));
            }
        });
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        added.forEach(this::awaitHealthy);
        added.forEach(name -> instancesOf(serviceOf(name)).add(name));
        removed.forEach(name -> instancesOf(serviceOf(name)).remove(name));
        restart("gateway");
        removed.forEach(name -> terminate(processes.remove(name)));
    }

    private List<String> instancesOf(String service) {
        List<String> running = instances.get(service);
        if (running == null) {
            throw new IllegalArgumentException(service + " does not run as several instances here; one of " + SCALABLE);
        }
        return running;
    }

    /** The service an instance belongs to: {@code booking-service-2} → {@code booking-service} (a service is its own). */
    private static String serviceOf(String instance) {
        return instance.replaceFirst("-\\d+$", "");
    }

    /** A service's instances as the gateway's comma-separated list of URLs. */
    private String instanceUrls(String service) {
        return instancesOf(service).stream().map(this::directUrl).collect(Collectors.joining(","));
    }

    /** The Mongo-wire store every service writes to, for checks that read the stores directly. */
    public String mongoConnectionString() {
        return stack.mongoConnectionString();
    }

    /** A service's own port, for the tests that prove it refuses calls that bypass the gateway. */
    public String directUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The gateway's signing key directory (one JWK file per key), as an operator on the gateway's host reads it. */
    public Path gatewaySigningKeys() {
        return stack.config().dataDir().resolve("gateway-keys");
    }

    /** A service's actuator (health, metrics): its management port, bound to 127.0.0.1; the gateway's main port. */
    public String managementUrl(String service) {
        return managementPorts.containsKey(service) ? "http://127.0.0.1:" + managementPorts.get(service) : directUrl(service);
    }

    private void start() {
        stack.start();
        for (String name : SERVICES) {
            processes.put(name, launch(name));
        }
        for (String name : SERVICES) {
            awaitHealthy(name);
        }
    }

    private void restart(String name) {
        terminate(processes.remove(name));
        processes.put(name, launch(name));
        awaitHealthy(name);
    }

    private Process launch(String name) {
        Path root = Path.of(System.getProperty("e2e.root", ".."));
        // an extra instance (booking-service-2) runs its service's jar
        String module = serviceOf(name);
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the root (it packages the services first)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JAVA_OPTS.split(" ")));
        command.add("-jar");
        command.add(jar.toString());
        // a restarted process (the gateway, when the instances change) continues its log
        File log = logs.resolve(name + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(launched.add(name) ? ProcessBuilder.Redirect.to(log) : ProcessBuilder.Redirect.appendTo(log));
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(ports.get(name)));
        if (managementPorts.containsKey(name)) {
            env.put("MANAGEMENT_PORT", String.valueOf(managementPorts.get(name)));
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
        env.put("MONGODB_URI", stack.mongoConnectionString());
        env.put("GATEWAY_JWKS_URI", gatewayUrl() + "/.well-known/jwks.json");
        env.put("ADMIN_API_KEY", ADMIN_KEY);
        // as ./run.sh: operators' webhooks may target this machine (http, loopback) so scenarios can receive them
        env.put("WEBHOOKS_ALLOW_HTTP_LOOPBACK", "true");
        // the polled gauges (outbox, consumer lag, dead letters, seats, queue depth) every 2 s instead of 15 s
        env.put("PLATFORM_MESSAGING_METRICS_POLL_INTERVAL", "2s");
        env.put("GATEWAY_SIGNING_KEYS_DIR", stack.config().dataDir().resolve("gateway-keys").toString());
        env.put("CATALOG_SERVICE_URL", instanceUrls("catalog-service"));
        env.put("BOOKING_SERVICE_URL", instanceUrls("booking-service"));
        env.put("NOTIFICATION_SERVICE_URL", instanceUrls("notification-service"));
        env.put("REPORTING_SERVICE_URL", instanceUrls("reporting-service"));
        env.put("WEB_SERVICE_URL", directUrl("web"));
        // the web module calls the platform's APIs through the gateway, as any client
        env.put("GATEWAY_URL", gatewayUrl());
        env.put("SMTP_HOST", LocalStackConfig.HOST);
        env.put("SMTP_PORT", String.valueOf(stack.config().smtpPort()));
        env.put("SPRING_MAIL_HOST", LocalStackConfig.HOST);
        env.put("SPRING_MAIL_PORT", String.valueOf(stack.config().smtpPort()));
        env.put("SMS_BASE_URL", stack.smsBaseUrl());
        env.put("SMS_SINK_TOKEN", SMS_TOKEN);
        env.put("SMS_TOKEN", SMS_TOKEN);
        // every span, exported at once to this JVM's collector, as compose exports to Tempo
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "1.0");
        env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", spans.endpoint());
        env.put("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_SCHEDULE_DELAY", "200ms");
        if (name.equals("gateway")) {
            // the access matrix sends some forty deliberately keyless calls from this one address within seconds; the
            // failed-authentication limit itself is the gateway's own test (EdgeSecurityIT)
            env.put("SPRING_APPLICATION_JSON",
                    "{\"platform\":{\"rate-limits\":{\"routes\":{\"failed-authentications\":{\"burst-capacity\":200}}}}}");
        }
        try {
            return builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start " + name, ex);
        }
    }

    private void awaitHealthy(String name) {
        String url = managementUrl(name) + "/actuator/health";
        try {
            await(name + " healthy").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        Process process = processes.get(name);
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited with " + process.exitValue());
                        }
                        return status(url) == 200;
                    });
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(name + " did not become healthy (" + ex.getMessage() + "); log tail:\n"
                    + tail(logs.resolve(name + ".log"), 40), ex);
        }
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (IOException ex) {
            return -1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        processes.values().forEach(Platform::terminate);
        stack.close();
        spans.close();
    }

    /** Stops one process: TERM (a graceful shutdown), KILL after 20 s. */
    private static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The spans the platform's processes exported so far. */
    SpanCollector spans() {
        return spans;
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException ex) {
            return "(no log: " + ex.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
