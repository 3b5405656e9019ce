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
 * docker-compose.yml cannot run here (no Docker engine), so this checks what would silently break it:
 * every environment variable it gives a platform service is one that service really reads.
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
        assertThat(oneShot).as("the topic job").contains("kafka-init");

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
        assertThat(all).containsKeys("kafka", "mongo", "redis", "mailpit", "gateway");
    }

    /**
     * One Mongo server, one user per application allowed its own database only (the init script creates them): a
     * compromised service reads no other's data. Every application connects as its own user to its own database.
     */
    @Test
    void everyPlatformServiceConnectsToMongoAsItsOwnUserToItsOwnDatabase() throws IOException {
        String initScript = Files.readString(root.resolve("docker/mongo-init/10-service-users.js"));
        Map<String, Object> mongo = allServices().get("mongo");
        assertThat(mongo.get("volumes").toString()).contains("./docker/mongo-init:/docker-entrypoint-initdb.d");
        assertThat(environment(mongo)).containsKey("MONGO_INITDB_ROOT_PASSWORD");

        Pattern uri = Pattern.compile("mongodb://([a-z]+):\\$\\{([A-Z_]+):\\?[^}]*}@mongo:27017/([a-z]+)\\?replicaSet=rs0&authSource=([a-z]+)");
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

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> allServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private Map<String, Map<String, Object>> platformServices() throws IOException {
        Map<String, Map<String, Object>> all = allServices();
        Map<String, Map<String, Object>> built = new java.util.TreeMap<>();
        all.forEach((name, definition) -> {
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
