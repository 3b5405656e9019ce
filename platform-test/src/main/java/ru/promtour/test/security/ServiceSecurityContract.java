package ru.promtour.test.security;

import java.text.ParseException;
import java.util.List;
import java.util.stream.Stream;

import com.nimbusds.jwt.JWTParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.context.SpringBootTest;
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
 * scheme to every operation.</li>
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
