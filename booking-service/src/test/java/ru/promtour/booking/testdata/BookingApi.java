package ru.promtour.booking.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the booking service's port as one tenant (an internal token from {@code TestTokens}). */
public record BookingApi(String baseUrl, String token) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public BookingApi as(String otherToken) {
        return new BookingApi(baseUrl, otherToken);
    }

    public Answer get(String path) {
        return call("GET", path, null);
    }

    public Answer post(String path, String json) {
        return call("POST", path, json);
    }

    public Answer patch(String path, String json) {
        return call("PATCH", path, json);
    }

    public Answer call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Octo-Capabilities", "")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Octo-Capabilities").orElse(null), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** One HTTP answer. */
    public record Answer(int status, String contentType, String octoCapabilities, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
