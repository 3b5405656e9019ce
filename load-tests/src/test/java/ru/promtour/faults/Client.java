package ru.promtour.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.OptionalLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One tenant's HTTP client: every answer becomes an {@link Answer} (a status, or the kind of failure when there was
 * none), with its latency and whether a 429/503 named a {@code Retry-After}. {@link #TIMEOUT} is the client's limit:
 * a request without an answer by then counts as hung.
 */
final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than the gateway's longest route timeout (15 s): the gateway, not the client, must time requests out. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();

    /** What one request got: {@code status} 0 with a {@code failure} when no HTTP answer came. */
    record Answer(int status, JsonNode body, String failure, boolean retryAfter, long retryAfterSeconds, long startedMillis,
                  long millis) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Worth sending again unchanged: shed (429, 503), a failed or missing upstream (502, 504) or no answer at all. */
        boolean retryable() {
            return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
        }

        /** The error kind for the table: {@code 503}, {@code connect}, {@code timeout}, ...; {@code null} for a 2xx. */
        String kind() {
            if (ok()) {
                return null;
            }
            if (status == 0) {
                return failure;
            }
            // OCTO names the refusal (a sold-out slot is 400 UNPROCESSABLE_ENTITY, a hold past its cut-off another)
            String error = body.path("error").asText("");
            return error.isEmpty() || status >= 500 ? String.valueOf(status) : status + " " + error;
        }

        String text(String pointer) {
            return body.at(pointer).asText();
        }
    }

    private final String baseUrl;
    private final String bearer;

    Client(String baseUrl, String bearer) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer send(String method, String path, Object body) {
        long started = System.currentTimeMillis();
        long t0 = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OptionalLong retryAfter = response.headers().firstValueAsLong("Retry-After");
            return new Answer(response.statusCode(), parse(response.body()), null, retryAfter.isPresent(),
                    retryAfter.orElse(0), started, millisSince(t0));
        }
        catch (HttpConnectTimeoutException | ConnectException ex) {
            return failed("connect", started, t0);
        }
        catch (HttpTimeoutException ex) {
            return failed("timeout", started, t0);
        }
        catch (IOException ex) {
            return failed("reset", started, t0);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return failed("interrupted", started, t0);
        }
    }

    private static Answer failed(String kind, long started, long t0) {
        return new Answer(0, MissingNode.getInstance(), kind, false, 0, started, millisSince(t0));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        }
        catch (JsonProcessingException ex) {
            return JSON.getNodeFactory().textNode(body);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
