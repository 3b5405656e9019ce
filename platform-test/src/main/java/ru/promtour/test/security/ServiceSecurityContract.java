package ru.promtour.test.security;

import java.text.ParseException;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * What every service's {@code SecurityIT} checks on its own port, as an abstract test: the service
 * names (in its constructor) its secured paths and what valid tokens of each tenant type get, and
 * inherits
 * <ul>
 * <li>every secured path without a valid token (none, bare tenant headers, forged, expired, wrong
 * issuer or audience, tenant-less) is a 401 in its API's error shape
 * ({@link SecurityAssertions#assertRequiresValidToken});</li>
 * <li>each listed call with a valid token gets exactly its status: a 403 in its API's error shape
 * ({@link SecurityAssertions#assertForbidden}), anything else past security
 * ({@link SecurityAssertions#assertPassesSecurity});</li>
 * <li>the OpenAPI document is public, titled {@code PromTour <application>}, and applies the bearer
 * scheme to every operation;</li>
 * <li>the actuator answers on the management port only (bound to 127.0.0.1 by default): metrics there, health
 * components only for the admin; the main port serves no {@code /actuator} but the probes {@code /livez} and
 * {@code /readyz}.</li>
 * </ul>
 * The service runs with its production security, trusting {@link TestTokens}' key
 * ({@link TestSecurityConfiguration}); service-specific cases stay in the subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
public abstract class ServiceSecurityContract {

    @LocalServerPort
    private int port;
    // (a RANDOM_PORT test puts a management port of its own on a random port too)
    @LocalManagementPort
    private int managementPort;
    @Value("${management.server.address:}")
    private String managementAddress;

    private final String applicationName;
    private final List<String> securedPaths;
    private final List<Call> callsWithValidTokens;

    /**
     * @param applicationName      the name the OpenAPI title carries after {@code "PromTour "}, e.g. {@code booking-service}
     * @param securedPaths         paths that need a valid token (OCTO's error shape under {@code /octo/}, problem+json elsewhere)
     * @param callsWithValidTokens GET calls with valid tokens and the status each must get (403: the tenant type may not call the path)
     */
    protected ServiceSecurityContract(String applicationName, List<String> securedPaths, Call... callsWithValidTokens) {
        this.applicationName = applicationName;
        this.securedPaths = List.copyOf(securedPaths);
        this.callsWithValidTokens = List.of(callsWithValidTokens);
    }

    /** {@code http://localhost:<port>} of the service under test. */
    protected final String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A client of the service under test, without a token. */
    protected final TestHttp http() {
        return TestHttp.localhost(port);
    }

    @TestFactory
    Stream<DynamicTest> withoutAValidTokenEverySecuredPathIs401() {
        assertThat(securedPaths).as("the service's secured paths").isNotEmpty();
        return securedPaths.stream().map(path -> dynamicTest("GET " + path,
                () -> SecurityAssertions.assertRequiresValidToken(baseUrl(), path)));
    }

    @TestFactory
    Stream<DynamicTest> aValidTokenGetsTheStatusItsTenantTypeMayHave() {
        assertThat(callsWithValidTokens).as("the service's calls with valid tokens").isNotEmpty();
        return callsWithValidTokens.stream().map(call -> dynamicTest(call.toString(), () -> {
            if (call.status() == 403) {
                SecurityAssertions.assertForbidden(baseUrl(), call.path(), call.token());
            }
            else {
                TestHttp.Response response = SecurityAssertions.assertPassesSecurity(baseUrl(), call.path(), call.token());
                assertThat(response.status()).as("%s: %s", call, response.body()).isEqualTo(call.status());
            }
        }));
    }

    @Test
    void openApiDocumentIsPublicAndDeclaresTheBearerScheme() {
        TestHttp.Response response = http().get("/v3/api-docs");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode doc = response.json();
        assertThat(doc.path("info").path("title").asString()).isEqualTo("PromTour " + applicationName);
        assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString())
            .isEqualTo("bearer");
        assertThat(doc.path("security").path(0).has("bearerAuth")).as("applied to every operation").isTrue();
    }

    @Test
    void theMainPortServesNoActuatorButTheProbes() {
        assertThat(managementPort).as("the actuator's own port").isPositive().isNotEqualTo(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info", "/actuator")) {
            TestHttp.Response response = http().get(path);
            assertThat(response.status()).as("main port %s: %s", path, response.body()).isIn(401, 404);
            assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
        }
        for (String probe : List.of("/livez", "/readyz")) {
            TestHttp.Response response = http().get(probe);
            assertThat(response.status()).as("%s: %s", probe, response.body()).isEqualTo(200);
            assertThat(response.json().path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void theManagementPortServesMetricsToAnyoneAndHealthComponentsToTheAdminOnly() {
        assertThat(managementAddress).as("management.server.address by default").isEqualTo("127.0.0.1");
        TestHttp management = TestHttp.at("http://127.0.0.1:" + managementPort);

        TestHttp.Response metrics = management.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        for (String token : new String[] {null, TestTokens.enterprise("ent-1"), TestTokens.operator("op-1")}) {
            TestHttp.Response health = (token == null ? management : management.withToken(token)).get("/actuator/health");
            assertThat(health.status()).as(health.body()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
            assertThat(health.json().has("components")).as("components without the admin: %s", health.body()).isFalse();
        }
        TestHttp.Response admin = management.withToken(TestTokens.admin()).get("/actuator/health");
        assertThat(admin.json().path("components").path("mongo").path("status").asString())
            .as(admin.body()).isEqualTo("UP");
    }

    /** {@code GET path} with {@code token} must answer {@code status}. */
    public record Call(String path, String token, int status) {

        @Override
        public String toString() {
            return subject(token) + " GET " + path + " → " + status;
        }

        private static String subject(String token) {
            try {
                return JWTParser.parse(token).getJWTClaimsSet().getSubject();
            }
            catch (ParseException ex) {
                return "a token that is not a JWT";
            }
        }
    }
}
