package ru.promtour.gateway;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.web.TestHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.test.web.ActuatorAssertions.assertActuatorContract;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY)
// 30 s, not the default 5: the first OpenAPI document is generated on demand, and the first calls of a class meet a
// cold JVM, on a busy 2-core machine too
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
class GatewayRoutingIT {

    @RegisterExtension
    static WireMockExtension catalog = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension booking = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension reporting = GatewayTestSupport.backend();

    /** Notification and the web module are "down": nothing listens on their port. */
    static final int deadPort = GatewayTestSupport.freePort();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("platform.services.catalog", catalog::baseUrl);
        registry.add("platform.services.booking", booking::baseUrl);
        registry.add("platform.services.reporting", reporting::baseUrl);
        registry.add("platform.services.notification", () -> "http://127.0.0.1:" + deadPort);
        registry.add("platform.services.web", () -> "http://127.0.0.1:" + deadPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    /** Issued once for the class, which keeps its admin calls well within the admin API's rate limit. */
    static String operatorKey;
    static String enterpriseKey;

    /** Each backend answers with its own name, so a test sees where a request went. */
    @BeforeEach
    void stubBackends() {
        catalog.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("catalog")));
        booking.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("booking")));
        reporting.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("reporting")));
        if (operatorKey == null) {
            operatorKey = GatewayTestSupport.operatorKey(client);
            enterpriseKey = GatewayTestSupport.enterpriseKey(client, "ent-routing");
        }
    }

    /** The key of a tenant allowed on the path: operators speak OCTO, enterprises the /api/v1 API. */
    private String keyFor(String path) {
        return path.startsWith("/octo") ? operatorKey : enterpriseKey;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/octo/supplier, catalog",
        "/octo/supplier/, catalog",
        "/octo/capabilities, catalog",
        "/octo/capabilities/, catalog",
        "/octo/products, catalog",
        "/octo/products/, catalog",
        "/octo/availability/, catalog",
        "/octo/bookings/, booking",
        "/octo/products/p-1, catalog",
        "/octo/availability, catalog",
        "/octo/availability/calendar, catalog",
        "/api/v1/enterprises/e-1, catalog",
        "/api/v1/excursions?mine=true, catalog",
        "/api/v1/slots/s-1, catalog",
        "/api/v1/catalog/excursions?region=RU-KLU, catalog",
        "/octo/bookings, booking",
        "/octo/bookings/b-1, booking",
        "/api/v1/bookings?status=PENDING, booking",
        "/api/v1/manifests/s-1, booking",
        "/api/v1/statements?month=2026-10, reporting",
        "/api/v1/agreements, reporting",
        "/api/v1/analytics/visitors?from=2026-10-01&to=2026-10-31, reporting",
    })
    void routesEachPathToTheServiceThatOwnsIt(String path, String service) {
        client.get().uri(path).header("Authorization", "Bearer " + keyFor(path)).exchange()
            .expectStatus().isOk()
            .expectBody(String.class).isEqualTo(service);
        WireMockExtension backend = switch (service) {
            case "catalog" -> catalog;
            case "reporting" -> reporting;
            default -> booking;
        };
        backend.verify(getRequestedFor(urlEqualTo(path)));
    }

    @ParameterizedTest
    @CsvSource({"/nowhere", "/octo/unknown", "/api/v1/unknown/1", "/api/v2/bookings"})
    void unknownPathIsNotFoundProblem(String path) {
        client.get().uri(path).header("Authorization", "Bearer " + keyFor(path)).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.title").isEqualTo("Not Found")
            .jsonPath("$.detail").isEqualTo("No route for GET " + path)
            .jsonPath("$.instance").isEqualTo(path);
    }

    @Test
    void unreachableServiceIsServiceUnavailableProblem() {
        client.get().uri("/api/v1/notifications?bookingId=b-1").header("Authorization", "Bearer " + enterpriseKey).exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(503)
            .jsonPath("$.instance").isEqualTo("/api/v1/notifications");
    }

    /** Browsers read the web module's pages: when it is down, its 503 is a page too, with Retry-After. */
    @Test
    void theWebModuleDownIsAnHtmlPage() {
        client.get().uri("/console").accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader().valueEquals("Retry-After", "10")
            .expectBody(String.class).value(page -> assertThat(page).startsWith("<!DOCTYPE html>").contains("unavailable"));
    }

    /**
     * Webhooks live in notification-service (down in this class): its breaker's 503, not the 404 of an unknown path,
     * shows the route; the admin's redelivery keeps /admin's rule (the admin key only).
     */
    @Test
    void webhooksRouteToNotificationServiceAndRedeliveryStaysTheAdmins() {
        for (String path : List.of("/octo/webhooks", "/octo/webhooks/w-1/deliveries")) {
            client.get().uri(path).header("Authorization", "Bearer " + operatorKey).exchange().expectStatus().isEqualTo(503);
            client.get().uri(path).header("Authorization", "Bearer " + enterpriseKey).exchange().expectStatus().isForbidden();
        }
        String redeliver = "/admin/webhooks/deliveries/d-1/redeliver";
        client.post().uri(redeliver).header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY).exchange()
            .expectStatus().isEqualTo(503);
        client.post().uri(redeliver).header("Authorization", "Bearer " + operatorKey).exchange().expectStatus().isForbidden();
        client.post().uri(redeliver).exchange().expectStatus().isUnauthorized();
        // the gateway's own admin API is still answered by the gateway
        client.get().uri("/admin/operators").header("Authorization", "Bearer " + GatewayTestSupport.ADMIN_KEY).exchange()
            .expectStatus().isOk();
    }

    @Test
    void docsServeSwaggerUiOverTheGatewayAndEveryServiceApi() {
        client.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/v3/api-docs").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.paths['/admin/api-keys']").exists()
            .jsonPath("$.paths['/admin/staff']").exists()
            .jsonPath("$.paths['/auth/sessions']").exists()
            .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer");
        client.get().uri("/v3/api-docs/swagger-config").exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.urls[*].url").value(urls -> assertThat((java.util.List<String>) urls)
                .contains("/v3/api-docs/catalog", "/v3/api-docs/booking", "/v3/api-docs/notification", "/v3/api-docs/reporting"));
        client.get().uri("/v3/api-docs/catalog").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("catalog");
        catalog.verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
        client.get().uri("/v3/api-docs/booking").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("booking");
    }

    @Test
    void keepsTheActuatorContractWithMongoHealthForTheAdmin() {
        assertActuatorContract(TestHttp.localhost(port).withToken(GatewayTestSupport.ADMIN_KEY), "mongo");
    }

    /**
     * The review's finding: health details and metrics were anyone's on 8080. The status stays public, in the
     * body the compose healthcheck greps for ('"status":"UP"}' at the end) and ./run.sh reads.
     */
    @Test
    void healthStatusIsPublicItsComponentsAndTheMetricsAreTheAdminsAlone() {
        TestHttp anonymous = TestHttp.localhost(port);
        TestHttp.Response health = anonymous.get("/actuator/health").assertStatus(200);
        assertThat(health.body()).endsWith("\"status\":\"UP\"}").doesNotContain("components").doesNotContain("mongo");
        assertThat(anonymous.get("/actuator/health/readiness").assertStatus(200).body()).contains("\"status\":\"UP\"");
        assertThat(anonymous.withToken(enterpriseKey).get("/actuator/health").assertStatus(200).body())
            .as("an enterprise key is no admin's").doesNotContain("components");
        assertThat(anonymous.withToken(GatewayTestSupport.ADMIN_KEY).get("/actuator/health").assertStatus(200).json()
            .path("components").path("mongo").path("status").asString()).isEqualTo("UP");
        anonymous.withToken("ptk_not-a-real-key").get("/actuator/health").assertStatus(401);

        TestHttp.Response metrics = anonymous.get("/actuator/prometheus").assertStatus(401);
        assertThat(metrics.contentType()).startsWith("application/problem+json");
        assertThat(metrics.body()).doesNotContain("jvm_memory_used_bytes");
        anonymous.get("/actuator/prometheus/").assertStatus(401);
        anonymous.withToken(enterpriseKey).get("/actuator/prometheus").assertStatus(403);
        assertThat(anonymous.withToken(GatewayTestSupport.ADMIN_KEY).get("/actuator/prometheus").assertStatus(200).body())
            .contains("jvm_memory_used_bytes");
        anonymous.get("/actuator/info").assertStatus(200);
    }

}
