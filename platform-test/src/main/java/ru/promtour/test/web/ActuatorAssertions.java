package ru.promtour.test.web;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator contract every platform application keeps: health UP including the named components,
 * {@code info} and {@code prometheus} exposed, nothing else.
 */
public final class ActuatorAssertions {

    private ActuatorAssertions() {
    }

    /** Asserts the actuator contract of the application listening at {@code baseUrl}. */
    public static void assertActuatorContract(String baseUrl, String... healthComponents) {
        assertActuatorContract(TestHttp.at(baseUrl), healthComponents);
    }

    /**
     * The same through {@code http}, e.g. with the credentials an application asks for before it shows health
     * components and metrics (the gateway: an admin key).
     */
    public static void assertActuatorContract(TestHttp http, String... healthComponents) {
        TestHttp.Response health = http.get("/actuator/health");
        assertThat(health.status()).as("health status code: %s", health.body()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.path("status").asString()).as("overall health: %s", health.body()).isEqualTo("UP");
        for (String component : healthComponents) {
            assertThat(body.path("components").path(component).path("status").asString())
                .as("health component %s in %s", component, health.body())
                .isEqualTo("UP");
        }
        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        TestHttp.Response prometheus = http.get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        for (String hidden : new String[] {"env", "beans", "configprops", "heapdump", "loggers"}) {
            assertThat(http.get("/actuator/" + hidden).status())
                .as("/actuator/%s must not be exposed", hidden)
                .isEqualTo(404);
        }
    }
}
