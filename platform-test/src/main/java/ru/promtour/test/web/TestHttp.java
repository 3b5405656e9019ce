package ru.promtour.test.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the platform's tests: calls an application's port (or the gateway) with an
 * optional bearer token (an internal token or an API key) and default headers, sends JSON bodies, and
 * returns status, headers and body as a {@link Response}. Immutable: {@link #withToken} and
 * {@link #withHeader} return a new client.
 * <pre>{@code
 * TestHttp api = TestHttp.localhost(port).withToken(TestTokens.operator("op-1"));
 * api.post("/octo/bookings", json).assertStatus(200).text("status");
 * api.get("/api/v1/bookings", "X-Tenant-Id", "ent-1");    // extra header name/value pairs per call
 * }</pre>
 * A failed exchange (connection refused, timeout) is an {@link UncheckedIOException}; any answer,
 * whatever its status, is a {@link Response}.
 */
public final class TestHttp {

    /** The JSON mapper of the answers, for tests that read or write JSON themselves. */
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final Map<String, String> headers;
    private final Duration timeout;

    private TestHttp(String baseUrl, Map<String, String> headers, Duration timeout) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
    }

    /** A client of {@code baseUrl} ({@code http://host:port}, no trailing slash), without a token. */
    public static TestHttp at(String baseUrl) {
        return new TestHttp(baseUrl, Map.of(), DEFAULT_TIMEOUT);
    }

    /** A client of {@code http://localhost:port}, without a token. */
    public static TestHttp localhost(int port) {
        return at("http://localhost:" + port);
    }

    /** The same client sending {@code Authorization: Bearer <token>}; {@code null}: no {@code Authorization}. */
    public TestHttp withToken(String token) {
        return withHeader("Authorization", token == null ? null : "Bearer " + token);
    }

    /** The same client sending {@code name: value} on every request; a {@code null} value drops the header. */
    public TestHttp withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        if (value == null) {
            more.remove(name);
        }
        else {
            more.put(name, value);
        }
        return new TestHttp(baseUrl, more, timeout);
    }

    /** The same client waiting up to {@code requestTimeout} for an answer (30 s unless set). */
    public TestHttp withTimeout(Duration requestTimeout) {
        return new TestHttp(baseUrl, headers, requestTimeout);
    }

    /** The base URL this client calls. */
    public String baseUrl() {
        return baseUrl;
    }

    /** {@code GET path}, with extra header name/value pairs for this call only. */
    public Response get(String path, String... extraHeaders) {
        return send("GET", path, null, extraHeaders);
    }

    /** {@code POST path} with a JSON body ({@code null}: none). */
    public Response post(String path, String json, String... extraHeaders) {
        return send("POST", path, json, extraHeaders);
    }

    /** {@code PUT path} with a JSON body ({@code null}: none). */
    public Response put(String path, String json, String... extraHeaders) {
        return send("PUT", path, json, extraHeaders);
    }

    /** {@code PATCH path} with a JSON body ({@code null}: none). */
    public Response patch(String path, String json, String... extraHeaders) {
        return send("PATCH", path, json, extraHeaders);
    }

    /** {@code DELETE path}. */
    public Response delete(String path, String... extraHeaders) {
        return send("DELETE", path, null, extraHeaders);
    }

    /**
     * Any method; a non-null {@code json} goes as the body with {@code Content-Type: application/json}.
     * Extra header name/value pairs override the client's headers of the same name for this call.
     */
    public Response send(String method, String path, String json, String... extraHeaders) {
        if (extraHeaders.length % 2 != 0) {
            throw new IllegalArgumentException("Header names and values come in pairs: " + String.join(", ", extraHeaders));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.setHeader("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        for (int i = 0; i < extraHeaders.length; i += 2) {
            request.setHeader(extraHeaders[i], extraHeaders[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(method + " " + baseUrl + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + method + " " + baseUrl + path, ex);
        }
    }

    /** One answer: status, body (text) and headers. */
    public record Response(int status, String body, HttpHeaders headers) {

        /** The {@code Content-Type} header, empty when there is none. */
        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The first value of header {@code name}, {@code null} when there is none. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body as JSON (fails when it is not JSON). */
        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A top-level text field of the JSON body ({@code ""} when missing). */
        public String text(String field) {
            return json().path(field).asString();
        }

        /** Fails unless the status is {@code expected}, naming the answer; returns this answer for more checks. */
        public Response assertStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected status " + expected + " but got " + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
