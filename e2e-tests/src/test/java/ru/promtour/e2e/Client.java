package ru.promtour.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A client of the gateway holding one API key (or none), as a tour operator's or an enterprise's system would. */
public final class Client {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String apiKey;

    public Client(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** A response: status, the body as JSON (missing when it is not JSON) and as text. */
    public record Response(int status, String text, JsonNode json, HttpResponse<String> raw) {

        public String at(String pointer) {
            return json.at(pointer).asText();
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** {@code body}: a JSON string, or any object Jackson can write; null for none. */
    public Response send(String method, String path, Object body) {
        try {
            String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()), response);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(method + " " + path, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
        }
        catch (IOException ex) {
            return MissingNode.getInstance();
        }
    }
}
