package ru.promtour.security.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import ru.promtour.security.tenant.TenantType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks every service's {@code SecurityIT} makes against its own port, so each service proves
 * with one call that it trusts nothing but a valid internal token. Plain {@link AssertionError}s, no
 * assertion library needed.
 */
public final class SecurityAssertions {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
        boolean octo = path.startsWith("/octo/");
        attempts.forEach((what, headers) -> {
            HttpResponse<String> response = get(baseUrl + path, headers);
            String context = what + " on GET " + path + " → " + response.statusCode() + " " + response.body();
            check(response.statusCode() == 401, "expected 401 for " + context);
            check(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    "expected a Bearer challenge for " + context);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            JsonNode body = JSON.readTree(response.body());
            if (octo) {
                check(contentType.startsWith("application/json"), "expected application/json for " + context);
                check("UNAUTHORIZED".equals(body.path("error").asString()), "expected the OCTO error for " + context);
                check(!body.path("errorMessage").asString().isBlank(), "expected an errorMessage for " + context);
            }
            else {
                check(contentType.startsWith("application/problem+json"), "expected problem+json for " + context);
                check(body.path("status").asInt() == 401, "expected status 401 in the problem for " + context);
            }
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
    public static HttpResponse<String> assertPassesSecurity(String baseUrl, String path, String token) {
        HttpResponse<String> response = get(baseUrl + path, bearer(token));
        check(response.statusCode() != 401 && response.statusCode() != 403,
                "expected GET " + path + " to pass security, got " + response.statusCode() + " " + response.body());
        return response;
    }

    /** A GET with header name/value pairs. */
    public static HttpResponse<String> get(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new AssertionError("GET " + url + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during GET " + url, ex);
        }
    }

    /** The header pair {@code Authorization: Bearer <token>} for {@link #get}. */
    public static String[] bearer(String token) {
        return new String[] {"Authorization", TestTokens.bearer(token)};
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
