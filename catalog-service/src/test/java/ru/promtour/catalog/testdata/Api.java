package ru.promtour.catalog.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import ru.promtour.security.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/** A tiny HTTP client for the catalog's API, calling with a given internal token (none when null) and optional extra headers. */
public record Api(String baseUrl, String token, Map<String, String> headers) {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public Api(String baseUrl, String token) {
        this(baseUrl, token, Map.of());
    }

    /** A client of a new enterprise in {@code timeZone}, registered through the API by the admin. */
    public static Api newEnterprise(String baseUrl, String timeZone) {
        String enterpriseId = CatalogData.uniqueEnterpriseId();
        Api admin = new Api(baseUrl, TestTokens.admin());
        Response registered = admin.post("/api/v1/enterprises", CatalogData.enterprise(enterpriseId, timeZone));
        if (registered.status() != 201) {
            throw new IllegalStateException("Could not register " + enterpriseId + ": " + registered);
        }
        return admin.as(TestTokens.enterprise(enterpriseId));
    }

    public Api as(String otherToken) {
        return new Api(baseUrl, otherToken, headers);
    }

    /** The same client sending {@code name: value} on every request too. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, token, Map.copyOf(more));
    }

    /** Reads the slot through the API until {@code until} holds (the seat counts follow the ledger a few ms behind). */
    public JsonNode awaitSlot(String slotId, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/slots/" + slotId).json(), until);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String body) {
        return send("POST", path, body);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, String body) {
        return send("PATCH", path, body);
    }

    public Response send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::setHeader);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Status, content type, body and headers of one answer. */
    public record Response(int status, String contentType, String body, HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
