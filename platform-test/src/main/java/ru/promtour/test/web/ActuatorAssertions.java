package ru.promtour.test.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator contract every platform application keeps: health UP including the named components,
 * {@code info} and {@code prometheus} exposed, nothing else.
 */
public final class ActuatorAssertions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ActuatorAssertions() {
    }

    /** Asserts the actuator contract of the application listening at {@code baseUrl}. */
    public static void assertActuatorContract(String baseUrl, String... healthComponents) {
        HttpResponse<String> health = get(baseUrl + "/actuator/health");
        assertThat(health.statusCode()).as("health status code: %s", health.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.path("status").asString()).as("overall health: %s", health.body()).isEqualTo("UP");
        for (String component : healthComponents) {
            assertThat(body.path("components").path(component).path("status").asString())
                .as("health component %s in %s", component, health.body())
                .isEqualTo("UP");
        }
        assertThat(get(baseUrl + "/actuator/info").statusCode()).isEqualTo(200);
        HttpResponse<String> prometheus = get(baseUrl + "/actuator/prometheus");
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
        for (String hidden : new String[] {"env", "beans", "configprops", "heapdump", "loggers"}) {
            assertThat(get(baseUrl + "/actuator/" + hidden).statusCode())
                .as("/actuator/%s must not be exposed", hidden)
                .isEqualTo(404);
        }
    }

    /** A plain GET, for tests that check status codes and bodies themselves. */
    public static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError("GET " + url + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during GET " + url, ex);
        }
    }
}
