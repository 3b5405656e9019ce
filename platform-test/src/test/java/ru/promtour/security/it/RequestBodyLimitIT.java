package ru.promtour.security.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import ru.promtour.security.config.PlatformSecurityProperties;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The services' own request body limit (256 KB by default, like the gateway's): a larger body is a 413 in the
 * caller's API shape whether it declares its length or comes chunked, which the gateway's limit alone let through.
 */
class RequestBodyLimitIT extends SecuredAppSupport {

    private static final int LIMIT = (int) PlatformSecurityProperties.DEFAULT_MAX_REQUEST_BODY.toBytes();
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemJsonNamingTheLimit() throws Exception {
        JsonNode body = refused(post("/api/v1/other/body", TestTokens.enterprise("ent-1"), LIMIT + 40_000, true),
                "application/problem+json");

        assertThat(body.path("status").asInt()).isEqualTo(413);
        assertThat(body.path("detail").asString()).contains("256 KB").contains(Integer.toString(LIMIT));
        assertThat(body.path("instance").asString()).isEqualTo("/api/v1/other/body");
    }

    @Test
    void aChunkedBodyOverTheLimitOnOctoIs413InTheOctoErrorShape() throws Exception {
        JsonNode body = refused(post("/octo/body", TestTokens.operator("op-1"), LIMIT + 1, true), "application/json");

        assertThat(body.path("error").asString()).isEqualTo("BAD_REQUEST");
        assertThat(body.path("errorMessage").asString()).contains("256 KB");
        assertThat(body.has("status")).as("no problem+json fields in an OCTO error").isFalse();
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIs413BeforeTheTokenIsChecked() throws Exception {
        JsonNode body = refused(post("/api/v1/other/body", null, LIMIT + 40_000, false), "application/problem+json");

        assertThat(body.path("detail").asString()).contains("256 KB");
    }

    @Test
    void bodiesUpToTheLimitReachTheControllerWhole() throws Exception {
        for (boolean chunked : new boolean[] {true, false}) {
            for (int size : new int[] {2, LIMIT}) {
                HttpResponse<String> response = post("/api/v1/other/body", TestTokens.enterprise("ent-1"), size, chunked);

                assertThat(response.statusCode()).as("%d bytes, chunked %s: %s", size, chunked, response.body()).isEqualTo(200);
                assertThat(TestHttp.JSON.readTree(response.body()).path("bytes").asInt()).isEqualTo(size);
            }
        }
        TestHttp.Response octo = http().withToken(TestTokens.operator("op-1")).post("/octo/body", "{\"a\":1}");
        assertThat(octo.status()).as(octo.body()).isEqualTo(200);
        assertThat(octo.json().path("bytes").asInt()).isEqualTo(7);
    }

    /** Checks a 413 of the content type; its body. */
    private static JsonNode refused(HttpResponse<String> response, String contentType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
        return TestHttp.JSON.readTree(response.body());
    }

    /** POSTs {@code size} bytes, chunked (no Content-Length) or with a Content-Length. */
    private HttpResponse<String> post(String path, String token, int size, boolean chunked) throws IOException, InterruptedException {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/octet-stream")
                .POST(publisher);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return HTTP_1_1.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
