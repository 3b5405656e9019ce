package ru.promtour.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import ru.promtour.test.web.TestHttp;

/**
 * A client of the gateway holding one API key (or none), as a tour operator's or an enterprise's system
 * would: {@link TestHttp} underneath, answers read with Jackson 2 as these scenarios do.
 */
public final class Client {

    static final ObjectMapper JSON = new ObjectMapper();

    private final TestHttp http;

    public Client(String baseUrl, String apiKey) {
        this(TestHttp.at(baseUrl).withToken(apiKey).withHeader("Accept", "application/json")
                .withTimeout(Duration.ofSeconds(30)));
    }

    private Client(TestHttp http) {
        this.http = http;
    }

    /** The same caller sending one more header on every request, e.g. {@code Octo-Capabilities}. */
    public Client withHeader(String name, String value) {
        return new Client(http.withHeader(name, value));
    }

    /** A response: status, the body as JSON (missing when it is not JSON) and as text. */
    public record Response(int status, String text, JsonNode json, TestHttp.Response raw) {

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
        TestHttp.Response response = http.send(method, path, json(body));
        return new Response(response.status(), response.body(), parse(response.body()), response);
    }

    private static String json(Object body) {
        try {
            return body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        }
        catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
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
