package ru.promtour.test.security;

import java.util.LinkedHashMap;
import java.util.Map;

import ru.promtour.security.tenant.TenantType;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The checks every service's {@code SecurityIT} makes against its own port (see
 * {@link ServiceSecurityContract}), so each service proves with one call that it trusts nothing but a
 * valid internal token. Plain {@link AssertionError}s, no assertion library needed.
 */
public final class SecurityAssertions {

    private SecurityAssertions() {
    }

    /**
     * Asserts that {@code GET baseUrl + path} answers 401 with {@code WWW-Authenticate: Bearer} and the
     * error body of its API (OCTO under {@code /octo/}, problem+json elsewhere) when the request carries
     * no token, only bare tenant headers, or a forged, expired, wrong-issuer, wrong-audience or
     * tenant-less token, and that no answer echoes the token.
     */
    public static void assertRequiresValidToken(String baseUrl, String path) {
        Map<String, String[]> attempts = new LinkedHashMap<>();
        attempts.put("no token", new String[0]);
        attempts.put("bare tenant headers", new String[] {"X-Tenant-Id", "ent-1", "X-Tenant-Type", "ADMIN"});
        TenantType[] types = TenantType.values();
        for (TenantType type : types) {
            String id = type == TenantType.ADMIN ? "admin" : type.name().toLowerCase() + "-1";
            attempts.put("forged " + type, bearer(TestTokens.signedByAnotherKey(type, id)));
            attempts.put("expired " + type, bearer(TestTokens.expired(type, id)));
            attempts.put("wrong issuer " + type, bearer(TestTokens.wrongIssuer(type, id)));
            attempts.put("wrong audience " + type, bearer(TestTokens.wrongAudience(type, id)));
            attempts.put("no tenant_type " + type, bearer(TestTokens.token(type, id).without("tenant_type").sign()));
        }
        TestHttp http = TestHttp.at(baseUrl);
        attempts.forEach((what, headers) -> {
            TestHttp.Response response = http.get(path, headers);
            String context = what + " on GET " + path + " → " + response.status() + " " + response.body();
            check(response.status() == 401, "expected 401 for " + context);
            check(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    "expected a Bearer challenge for " + context);
            checkErrorBody(path, response, 401, context);
            if (headers.length == 2 && "Authorization".equals(headers[0])) {
                String token = headers[1].substring("Bearer ".length());
                check(!response.body().contains(token) && !response.body().contains(token.split("\\.")[1]),
                        "the token was echoed for " + context);
            }
        });
    }

    /**
     * Asserts that a request with {@code token} gets past security: the answer is neither 401 nor 403
     * (a 404 is expected where no controller exists yet).
     *
     * @return the response, for further checks
     */
    public static TestHttp.Response assertPassesSecurity(String baseUrl, String path, String token) {
        TestHttp.Response response = TestHttp.at(baseUrl).withToken(token).get(path);
        check(response.status() != 401 && response.status() != 403,
                "expected GET " + path + " to pass security, got " + response.status() + " " + response.body());
        return response;
    }

    /**
     * Asserts that {@code GET baseUrl + path} with {@code token} (a valid token of a tenant type the path
     * is not for) answers 403 with the error body of its API: OCTO {@code FORBIDDEN} under {@code /octo/},
     * problem+json elsewhere.
     *
     * @return the response, for further checks
     */
    public static TestHttp.Response assertForbidden(String baseUrl, String path, String token) {
        TestHttp.Response response = TestHttp.at(baseUrl).withToken(token).get(path);
        String context = "GET " + path + " → " + response.status() + " " + response.body();
        check(response.status() == 403, "expected 403 for " + context);
        checkErrorBody(path, response, 403, context);
        return response;
    }

    /** OCTO's {@code {"error","errorMessage"}} under {@code /octo/}, a problem with that status elsewhere. */
    private static void checkErrorBody(String path, TestHttp.Response response, int status, String context) {
        String contentType = response.contentType();
        JsonNode body = response.json();
        if (path.startsWith("/octo/")) {
            String error = status == 401 ? "UNAUTHORIZED" : "FORBIDDEN";
            check(contentType.startsWith("application/json"), "expected application/json for " + context);
            check(error.equals(body.path("error").asString()), "expected the OCTO error " + error + " for " + context);
            check(!body.path("errorMessage").asString().isBlank(), "expected an errorMessage for " + context);
        }
        else {
            check(contentType.startsWith("application/problem+json"), "expected problem+json for " + context);
            check(body.path("status").asInt() == status, "expected status " + status + " in the problem for " + context);
        }
    }

    /** The header pair {@code Authorization: Bearer <token>}. */
    private static String[] bearer(String token) {
        return new String[] {"Authorization", TestTokens.bearer(token)};
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
