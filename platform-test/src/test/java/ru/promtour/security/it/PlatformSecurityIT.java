package ru.promtour.security.it;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import ru.promtour.security.tenant.TenantType;
import ru.promtour.test.security.SecurityAssertions;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static ru.promtour.test.security.TestTokens.bearer;

/** The library end to end: real JWKS fetch, real filter chain, real error bodies. */
class PlatformSecurityIT extends SecuredAppSupport {

    @Test
    void validTokenReachesTheControllerWhichSeesTheTenantOfTheToken() {
        String token = TestTokens.token(TenantType.OPERATOR, "op-1").apiKeyId("key-42").requestId("req-7").sign();

        TestHttp.Response response = http().get("/octo/products", "Authorization", bearer(token));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("OPERATOR");
        assertThat(body.path("id").asString()).isEqualTo("op-1");
        assertThat(body.path("keyId").asString()).isEqualTo("key-42");
        assertThat(body.path("requestId").asString()).isEqualTo("req-7");
        assertThat(body.path("currentTenantAgrees").asBoolean()).isTrue();
        assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
    }

    @Test
    void theTenantAndTheRequestIdAreLogFieldsWhileTheRequestIsHandled() {
        String token = TestTokens.token(TenantType.OPERATOR, "op-1").requestId("req-7").sign();

        TestHttp.Response response = http().get("/octo/products", "Authorization", bearer(token), "X-Request-Id", "req-7");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("loggedTenantId").asString()).isEqualTo("op-1");
        assertThat(response.json().path("loggedRequestId").asString()).isEqualTo("req-7");
    }

    @Test
    void missingTokenIs401ProblemJsonWithBearerChallenge() {
        TestHttp.Response response = http().get("/api/v1/excursions");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("about:blank");
        assertThat(body.path("title").asString()).isEqualTo("Unauthorized");
        assertThat(body.path("status").asInt()).isEqualTo(401);
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).isEqualTo("/api/v1/excursions");
    }

    @Test
    void missingTokenOnOctoIs401InTheOctoErrorShape() {
        TestHttp.Response response = http().get("/octo/products");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        JsonNode body = response.json();
        assertThat(body.path("error").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(body.path("errorMessage").asString()).isNotBlank();
        assertThat(body.has("status")).as("no problem+json fields in an OCTO error").isFalse();
    }

    @Test
    void wrongTenantTypeOnOctoIs403InTheOctoErrorShape() {
        TestHttp.Response response = http().get("/octo/products", "Authorization", bearer(TestTokens.enterprise("ent-1")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("error").asString()).isEqualTo("FORBIDDEN");
        assertThat(body.path("errorMessage").asString()).isNotBlank();
    }

    @Test
    void wrongTenantTypeOnAdminIs403ProblemJson() {
        TestHttp.Response response = http().get("/admin/x", "Authorization", bearer(TestTokens.operator("op-1")));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("title").asString()).isEqualTo("Forbidden");
        assertThat(body.path("status").asInt()).isEqualTo(403);
        assertThat(body.path("instance").asString()).isEqualTo("/admin/x");
    }

    static Stream<Arguments> rejectedTokens() {
        TenantType enterprise = TenantType.ENTERPRISE;
        return Stream.of(
                arguments("signed by another key", TestTokens.signedByAnotherKey(enterprise, "ent-1")),
                arguments("signed by an unknown key id", TestTokens.token(enterprise, "ent-1")
                        .signedBy(TestTokens.newKey("unknown-kid")).sign()),
                arguments("expired", TestTokens.expired(enterprise, "ent-1")),
                arguments("wrong issuer", TestTokens.wrongIssuer(enterprise, "ent-1")),
                arguments("wrong audience", TestTokens.wrongAudience(enterprise, "ent-1")),
                arguments("no tenant_type", TestTokens.token(enterprise, "ent-1").without("tenant_type").sign()),
                arguments("unknown tenant_type", TestTokens.token(enterprise, "ent-1").claim("tenant_type", "ROOT").sign()),
                arguments("no tenant_id", TestTokens.token(enterprise, "ent-1").without("tenant_id").sign()),
                arguments("no exp", TestTokens.token(enterprise, "ent-1").without("exp").sign()),
                arguments("unsigned (alg none)", unsigned(TestTokens.enterprise("ent-1"))),
                arguments("not a JWT", "not-a-jwt-at-all"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void invalidTokenIs401AndTheTokenIsNeverEchoed(String why, String token) {
        for (String path : new String[] {"/api/v1/excursions", "/octo/products"}) {
            TestHttp.Response response = http().get(path, "Authorization", bearer(token));

            assertThat(response.status()).as("%s on %s: %s", why, path, response.body()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer").doesNotContain(token));
            assertThat(response.body()).doesNotContain(token);
            for (String part : token.split("\\.")) {
                if (part.length() > 8) {
                    assertThat(response.body()).doesNotContain(part);
                }
            }
            if (path.startsWith("/octo")) {
                assertThat(response.json().path("error").asString()).isEqualTo("UNAUTHORIZED");
            }
            else {
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void bareTenantHeadersWithoutATokenAreIgnored() {
        String[] spoof = {"X-Tenant-Id", "ent-1", "X-Tenant-Type", "ADMIN", "X-Key-Id", "key-1"};

        assertThat(http().get("/api/v1/excursions", spoof).status()).isEqualTo(401);
        assertThat(http().get("/admin/x", spoof).status()).isEqualTo(401);
        assertThat(http().get("/octo/products", "X-Tenant-Id", "op-1", "X-Tenant-Type", "OPERATOR").status())
            .isEqualTo(401);
    }

    @Test
    void otherAuthorizationSchemesAreNotAccepted() {
        assertThat(http().get("/api/v1/excursions", "Authorization", "Basic YWRtaW46YWRtaW4=").status())
            .isEqualTo(401);
        assertThat(http().get("/api/v1/excursions", "Authorization", "ENTERPRISE:ent-1").status())
            .isEqualTo(401);
    }

    @Test
    void publicPathsNeedNoToken() {
        TestHttp.Response response = http().get("/api/v1/catalog/x");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("subject").isNull()).isTrue();
    }

    @Test
    void publicPathsStillKnowTheCallerWhenAValidTokenComes() {
        TestHttp.Response response = http().get("/api/v1/catalog/x", "Authorization", bearer(TestTokens.operator("op-9")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("subject").asString()).isEqualTo("OPERATOR:op-9");
    }

    @Test
    void actuatorHealthAndInfoArePublic() {
        TestHttp.Response health = http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/liveness").status()).isNotIn(401, 403);
        assertThat(http().get("/actuator/info").status()).isEqualTo(200);
    }

    @Test
    void unexposedActuatorEndpointsAnswer404NotUnauthorized() {
        assertThat(http().get("/actuator/env").status()).isEqualTo(404);
        assertThat(http().get("/actuator/heapdump").status()).isEqualTo(404);
    }

    @Test
    void exposedActuatorEndpointsOtherThanHealthInfoPrometheusNeedTheAdmin() {
        assertThat(http().get("/actuator/beans").status()).isEqualTo(401);
        assertThat(http().get("/actuator/beans", "Authorization", bearer(TestTokens.enterprise("ent-1"))).status())
            .isEqualTo(403);
        assertThat(http().get("/actuator/beans", "Authorization", bearer(TestTokens.admin())).status())
            .isEqualTo(200);
    }

    @Test
    void apiDocsArePublicAndDeclareTheBearerSchemeOnEveryOperation() {
        TestHttp.Response docs = http().get("/v3/api-docs");

        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        assertThat(docs.json().path("components").path("securitySchemes").path("bearerAuth").path("scheme").asString())
            .isEqualTo("bearer");
        assertThat(docs.json().path("security").path(0).has("bearerAuth")).isTrue();
        assertThat(docs.json().path("servers").path(0).path("url").asString())
            .as("relative: tried from the gateway's /docs, calls go through the gateway").isEqualTo("/");
    }

    @Test
    void anEnterpriseAskingForAnotherEnterprisesDataGets404NotForbidden() {
        TestHttp.Response foreign = http().get("/api/v1/excursions/of/ent-2", "Authorization", bearer(TestTokens.enterprise("ent-1")));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.json().path("status").asInt()).isEqualTo(404);
        assertThat(foreign.json().path("detail").asString())
            .as("the same text as for data that does not exist: nothing about who owns it")
            .isEqualTo("The requested resource does not exist");

        assertThat(http().get("/api/v1/excursions/of/ent-1", "Authorization", bearer(TestTokens.enterprise("ent-1")))
            .status()).isEqualTo(200);
        assertThat(http().get("/api/v1/excursions/of/ent-2", "Authorization", bearer(TestTokens.admin()))
            .status()).isEqualTo(200);
    }

    @Test
    void writesNeedNoCsrfTokenOnlyTheBearerToken() {
        assertThat(http().post("/api/v1/notifications", "{}", "Authorization", bearer(TestTokens.enterprise("ent-1")))
            .status()).isEqualTo(200);
        assertThat(http().post("/api/v1/notifications", "{}").status()).isEqualTo(401);
    }

    @Test
    void theSharedServiceAssertionsHoldForTheTestApp() {
        String baseUrl = "http://localhost:" + port;
        SecurityAssertions.assertRequiresValidToken(baseUrl, "/octo/products");
        SecurityAssertions.assertRequiresValidToken(baseUrl, "/api/v1/excursions");
        SecurityAssertions.assertPassesSecurity(baseUrl, "/api/v1/excursions", TestTokens.admin());
        assertThatThrownBy(() -> SecurityAssertions.assertPassesSecurity(baseUrl, "/admin/x", TestTokens.operator("op-1")))
            .as("a 403 does not pass").isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> SecurityAssertions.assertRequiresValidToken(baseUrl, "/api/v1/catalog/x"))
            .as("a public path does not require a token").isInstanceOf(AssertionError.class);
    }

    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"kid\":\"promtour-test-key\"}".getBytes(StandardCharsets.UTF_8));
        return noneHeader + "." + parts[1] + ".";
    }
}
