package ru.promtour.catalog.testdata;

import java.time.Duration;
import java.util.function.Predicate;

import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import ru.promtour.test.web.TestHttp.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The catalog's API as one caller, through {@link TestHttp}: a given internal token (none when null),
 * optional extra headers, and the catalog's own shortcuts.
 */
public final class Api {

    public static final JsonMapper JSON = TestHttp.JSON;

    private final TestHttp http;

    public Api(String baseUrl, String token) {
        this(TestHttp.at(baseUrl).withToken(token));
    }

    private Api(TestHttp http) {
        this.http = http;
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
        return new Api(http.withToken(otherToken));
    }

    /** The same client sending {@code name: value} on every request too. */
    public Api withHeader(String name, String value) {
        return new Api(http.withHeader(name, value));
    }

    /** Reads the slot through the API until {@code until} holds (the seat counts follow the ledger a few ms behind). */
    public JsonNode awaitSlot(String slotId, Predicate<JsonNode> until) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/slots/" + slotId).json(), until);
    }

    public Response get(String path) {
        return http.get(path);
    }

    public Response post(String path, String body) {
        return http.post(path, body);
    }

    public Response put(String path, String body) {
        return http.put(path, body);
    }

    public Response patch(String path, String body) {
        return http.patch(path, body);
    }

    public Response send(String method, String path, String body) {
        return http.send(method, path, body);
    }
}
