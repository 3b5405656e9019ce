package ru.promtour.test.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks what would silently break it: every
 * environment variable it gives a platform service is one that service really reads; and that it keeps its
 * production shape (issue 20): two instances of every application, one edge, three Kafka nodes, three Mongo members.
 */
class DockerComposeEnvironmentTest {

    /** Read by Spring Boot itself (relaxed binding) rather than through a placeholder in application.yml. */
    private static final List<String> BOOT_VARIABLES = List.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS",
            "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "MANAGEMENT_TRACING_SAMPLING_PROBABILITY");

    private final Path root = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyEnvironmentVariableOfAPlatformServiceMapsToAPropertyItReads() throws IOException {
        Map<String, Map<String, Object>> services = platformServices();
        assertThat(services).containsOnlyKeys("gateway", "catalog-service", "booking-service", "notification-service",
                "reporting-service", "web");

        List<String> unread = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            String config = applicationConfig(moduleOf(service.getValue()));
            assertThat(config).as("%s has a docker profile", service.getKey()).contains("on-profile: docker");
            for (String variable : environment(service.getValue()).keySet()) {
                if (!BOOT_VARIABLES.contains(variable) && !config.contains("${" + variable + ":")
                        && !config.contains("${" + variable + "}")) {
                    unread.add(service.getKey() + ": " + variable);
                }
            }
        }
        assertThat(unread).as("variables set in docker-compose.yml that no property placeholder reads").isEmpty();
    }

    @Test
    void everyPlatformServiceIsBuiltFromAModuleOfThisBuildAndActivatesTheDockerProfile() throws IOException {
        String parentPom = Files.readString(root.resolve("pom.xml"));
        for (Map.Entry<String, Map<String, Object>> service : platformServices().entrySet()) {
            String module = moduleOf(service.getValue());
            assertThat(parentPom).contains("<module>" + module + "</module>");
            assertThat(environment(service.getValue())).containsEntry("SPRING_PROFILES_ACTIVE", "docker");
        }
    }

    /**
     * A platform that stays down after one crash (or after the Docker daemon restarts) is an outage nobody
     * chose: every long-running container has a restart policy. One-shot jobs (what another service waits
     * for with {@code service_completed_successfully}) must not be restarted once they are done.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyLongRunningContainerRestartsAndOneShotJobsDoNot() throws IOException {
        Map<String, Map<String, Object>> all = allServices();
        List<String> oneShot = new ArrayList<>();
        all.values().forEach(definition -> {
            if (definition.get("depends_on") instanceof Map<?, ?> dependencies) {
                dependencies.forEach((name, condition) -> {
                    if (condition instanceof Map<?, ?> c && "service_completed_successfully".equals(c.get("condition"))) {
                        oneShot.add((String) name);
                    }
                });
            }
        });
        assertThat(oneShot).as("the topic job, the replica set's key file").contains("kafka-init", "mongo-keyfile");

        List<String> missing = new ArrayList<>();
        all.forEach((name, definition) -> {
            Object restart = definition.get("restart");
            if (oneShot.contains(name)) {
                assertThat(restart).as("%s is a one-shot job", name).isNotIn("always", "unless-stopped");
            }
            else if (restart == null || !String.valueOf(restart).matches("always|unless-stopped|on-failure(:[1-9][0-9]*)?")) {
                missing.add(name + ": " + restart);
            }
        });
        assertThat(missing).as("long-running services without a restart policy").isEmpty();
        assertThat(all).containsKeys("kafka-1", "mongo-1", "redis", "mailpit", "gateway", "edge");
    }

    /**
     * One Mongo server, one user per application allowed its own database only (the init script creates them): a
     * compromised service reads no other's data. Every application connects as its own user to its own database.
     */
    @Test
    void everyPlatformServiceConnectsToMongoAsItsOwnUserToItsOwnDatabase() throws IOException {
        String initScript = Files.readString(root.resolve("docker/mongo-init/10-service-users.js"));
        Map<String, Object> mongo = allServices().get("mongo-1");
        assertThat(mongo.get("volumes").toString()).contains("./docker/mongo-init:/docker-entrypoint-initdb.d");
        assertThat(environment(mongo)).containsKey("MONGO_INITDB_ROOT_PASSWORD");

        Pattern uri = Pattern.compile("mongodb://([a-z]+):\\$\\{([A-Z_]+):\\?[^}]*}@mongo-1:27017,mongo-2:27017,mongo-3:27017/([a-z]+)"
                + "\\?replicaSet=rs0&authSource=([a-z]+)&w=majority");
        Set<String> users = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> service : platformServices().entrySet()) {
            if (service.getKey().equals("web")) {
                assertThat(environment(service.getValue())).as("the web pages own no data (ADR 0008)").doesNotContainKey("MONGODB_URI");
                continue;
            }
            String value = String.valueOf(environment(service.getValue()).get("MONGODB_URI"));
            Matcher m = uri.matcher(value);
            assertThat(m.matches()).as("%s: MONGODB_URI %s names a user, its password variable and a database", service.getKey(), value).isTrue();
            String user = m.group(1);
            assertThat(m.group(3)).as("%s uses its own database", service.getKey()).isEqualTo(user);
            assertThat(m.group(4)).isEqualTo(user);
            assertThat(users.add(user)).as("%s shares its user", service.getKey()).isTrue();
            assertThat(initScript).contains(user + ": '" + m.group(2) + "'");
            assertThat(environment(mongo)).as("the init script reads %s", m.group(2)).containsKey(m.group(2));
            String config = applicationConfig(moduleOf(service.getValue()));
            assertThat(config).as("%s's default database", service.getKey()).contains("${MONGODB_DATABASE:" + user + "}");
        }
        assertThat(users).containsExactlyInAnyOrder("gateway", "catalog", "booking", "notification", "reporting");
    }

    /**
     * A service's actuator (health with details, metrics) is on a management port of its own: in a container it listens
     * on the container network so a Prometheus there can scrape it, but it is never published to the host, and the
     * healthcheck asks that port (the main port has no {@code /actuator/health}).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyServiceServesItsActuatorOnAManagementPortThatIsNotPublished() throws IOException {
        Pattern defaultPort = Pattern.compile("\\$\\{MANAGEMENT_PORT:(\\d+)}");
        Set<String> managementPorts = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> service : platformServices().entrySet()) {
            if (service.getKey().equals("gateway")) {
                continue;   // its actuator stays on its main port, the metrics and health components for the admin key only
            }
            Map<String, Object> definition = service.getValue();
            String config = applicationConfig(moduleOf(definition));
            Matcher port = defaultPort.matcher(config);
            assertThat(port.find()).as("%s: management.server.port from MANAGEMENT_PORT", service.getKey()).isTrue();
            String managementPort = port.group(1);
            assertThat(managementPorts.add(managementPort)).as("%s shares management port %s", service.getKey(), managementPort).isTrue();
            assertThat(config).as("%s: bound to this host unless told otherwise", service.getKey())
                .contains("${MANAGEMENT_ADDRESS:127.0.0.1}");

            assertThat(environment(definition)).as("%s: reachable on the container network", service.getKey())
                .containsEntry("MANAGEMENT_ADDRESS", "0.0.0.0");
            assertThat(String.valueOf(definition.getOrDefault("ports", List.of())))
                .as("%s publishes its management port to the host", service.getKey()).doesNotContain(managementPort);
            assertThat(String.valueOf(definition.get("expose"))).as("%s: the scrape port", service.getKey()).contains(managementPort);
            assertThat(String.valueOf(((Map<String, Object>) definition.get("healthcheck")).get("test")))
                .as("%s: the healthcheck asks the management port", service.getKey())
                .contains("/dev/tcp/127.0.0.1/" + managementPort).contains("GET /actuator/health ");
        }
        assertThat(managementPorts).hasSize(5);
    }

    /**
     * Production shape (issue 20): every application runs twice, both instances from one definition (a YAML anchor),
     * and the gateway lists both instances of every service it routes to.
     */
    @Test
    void everyApplicationRunsTwoIdenticalInstancesAndTheGatewayListsBoth() throws IOException {
        Map<String, Map<String, Object>> instances = allInstances();
        Map<String, Map<String, Object>> services = platformServices();
        assertThat(instances).hasSize(2 * services.size());
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> second = instances.get(service.getKey() + "-2");
            assertThat(second).as("%s-2", service.getKey()).isNotNull();
            assertThat(second.get("build")).isEqualTo(service.getValue().get("build"));
            assertThat(second.get("image")).isEqualTo(service.getValue().get("image"));
            assertThat(environment(second)).as("%s-2's environment", service.getKey()).isEqualTo(environment(service.getValue()));
        }
        Map<String, Object> gateway = environment(services.get("gateway"));
        Map<String, String> routed = Map.of("CATALOG_SERVICE_URL", "catalog-service:8081", "BOOKING_SERVICE_URL", "booking-service:8082",
                "NOTIFICATION_SERVICE_URL", "notification-service:8083", "REPORTING_SERVICE_URL", "reporting-service:8084",
                "WEB_SERVICE_URL", "web:8085");
        routed.forEach((variable, first) -> assertThat(gateway.get(variable)).as(variable)
                .isEqualTo("http://" + first + ",http://" + first.replace(":", "-2:")));
    }

    /**
     * One published entry point: the edge (HAProxy) balances over the gateway instances, drops whatever a client says
     * about where it came from, and the gateways, which nothing outside reaches, trust it to say so.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheEdgeIsPublishedAndItBalancesOverEveryGatewayInstance() throws IOException {
        Map<String, Map<String, Object>> all = allServices();
        assertThat((List<Object>) all.get("edge").get("ports")).containsExactly("8080:8080");
        allInstances().forEach((name, definition) -> assertThat(definition.get("ports")).as("%s is published", name).isNull());
        String haproxy = Files.readString(root.resolve("docker/edge/haproxy.cfg"));
        assertThat(all.get("edge").get("volumes").toString()).contains("./docker/edge/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro");
        Set<String> servers = new HashSet<>();
        Matcher server = Pattern.compile("(?m)^\\s*server \\S+ ([a-z0-9-]+):8080\\s*$").matcher(haproxy);
        while (server.find()) {
            servers.add(server.group(1));
        }
        assertThat(servers).containsExactlyInAnyOrder("gateway", "gateway-2");
        assertThat(haproxy).contains("http-request del-header X-Forwarded-For").contains("option forwardfor")
            .contains("http-check send meth GET uri /actuator/health");
        // the gateways believe the edge's fixed address only, never a range the other containers share
        Map<String, Object> edgeNetwork = (Map<String, Object>) ((Map<String, Object>) all.get("edge").get("networks")).get("default");
        assertThat(environment(all.get("gateway"))).containsEntry("GATEWAY_TRUSTED_PROXIES", edgeNetwork.get("ipv4_address"));
    }

    /**
     * Kafka at production shape: three KRaft nodes of one cluster, every topic of {@code topics.txt} created with three
     * replicas of which two must be in sync for a write ({@code acks=all}), so one broker may fail without losing
     * an acknowledged event or stopping the platform.
     */
    @Test
    void kafkaIsAThreeNodeClusterAndEveryTopicIsReplicatedThreeTimes() throws IOException {
        Map<String, Map<String, Object>> all = allServices();
        Set<Object> clusterIds = new HashSet<>();
        for (int node = 1; node <= 3; node++) {
            Map<String, Object> environment = environment(all.get("kafka-" + node));
            assertThat(environment).as("kafka-%d", node)
                .containsEntry("KAFKA_NODE_ID", node)
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka-" + node + ":9092")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", 3)
                .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3);
            clusterIds.add(environment.get("CLUSTER_ID"));
        }
        assertThat(clusterIds).as("one cluster").hasSize(1);
        assertThat(all).doesNotContainKey("kafka");

        String init = String.valueOf(all.get("kafka-init").get("command"));
        assertThat(init).contains("--replication-factor 3 --config min.insync.replicas=2").doesNotContain("--replication-factor 1");
        List<String> lines = Files.readAllLines(root.resolve("local-stack/src/main/resources/ru/promtour/localstack/topics.txt"));
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String topic = line.split("\\s+")[0];
            assertThat(init).as("kafka-init creates %s", topic).contains(topic);
            if (line.contains("retention.ms=-1")) {
                assertThat(init).as("%s is kept forever", topic).containsPattern("for t in [^;]*" + Pattern.quote(topic) + "[^;]*; do\\s+\\S+kafka-configs.sh");
            }
        }
        environmentOfEveryInstanceReading("KAFKA_BOOTSTRAP_SERVERS")
            .forEach(value -> assertThat(value).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092"));
    }

    /**
     * MongoDB at production shape: a replica set of three members sharing one key file (created once, mounted
     * read-only); the first member's healthcheck initiates the set with all three and is healthy only once it has a
     * primary. The connection strings (checked above) list the three members and ask for majority writes.
     */
    @Test
    @SuppressWarnings("unchecked")
    void mongoIsAThreeMemberReplicaSetWithOneKeyFile() throws IOException {
        Map<String, Map<String, Object>> all = allServices();
        for (int member = 1; member <= 3; member++) {
            Map<String, Object> mongo = all.get("mongo-" + member);
            assertThat(String.join(" ", (List<String>) mongo.get("command"))).as("mongo-%d", member)
                .contains("--replSet rs0").contains("--keyFile /etc/mongo-keyfile/member-key");
            assertThat((List<String>) mongo.get("volumes")).contains("mongo-keyfile:/etc/mongo-keyfile:ro", "mongo-" + member + "-data:/data/db");
        }
        String initiate = String.valueOf(((Map<String, Object>) all.get("mongo-1").get("healthcheck")).get("test"));
        assertThat(initiate).contains("rs.initiate").contains("mongo-1:27017").contains("mongo-2:27017").contains("mongo-3:27017")
            .contains("grep -q primary");
        assertThat(environment(all.get("mongo-2"))).doesNotContainKey("MONGO_INITDB_ROOT_PASSWORD");
        assertThat(String.valueOf(all.get("mongo-keyfile").get("command"))).contains("chmod 400");
    }

    private List<String> environmentOfEveryInstanceReading(String variable) throws IOException {
        List<String> values = new ArrayList<>();
        allInstances().values().forEach(definition -> {
            Object value = environment(definition).get(variable);
            if (value != null) {
                values.add(String.valueOf(value));
            }
        });
        assertThat(values).as("instances given %s", variable).isNotEmpty();
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> allServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The applications built from this repository: each one's first instance (the second is {@code <name>-2}). */
    private Map<String, Map<String, Object>> platformServices() throws IOException {
        Map<String, Map<String, Object>> built = new java.util.TreeMap<>();
        allInstances().forEach((name, definition) -> {
            if (!name.matches(".+-\\d+")) {
                built.put(name, definition);
            }
        });
        return built;
    }

    /** Every instance of the applications built from this repository. */
    private Map<String, Map<String, Object>> allInstances() throws IOException {
        Map<String, Map<String, Object>> built = new java.util.TreeMap<>();
        allServices().forEach((name, definition) -> {
            if (definition.containsKey("build")) {
                built.put(name, definition);
            }
        });
        return built;
    }

    @SuppressWarnings("unchecked")
    private static String moduleOf(Map<String, Object> service) {
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        return (String) ((Map<String, Object>) build.get("args")).get("MODULE");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    private String applicationConfig(String module) throws IOException {
        Path resources = root.resolve(module).resolve("src/main/resources");
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.(yml|yaml|properties)")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
