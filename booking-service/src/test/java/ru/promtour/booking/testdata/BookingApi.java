package ru.promtour.booking.testdata;

import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the booking service's port as one tenant (an internal token from {@code TestTokens}), through {@link TestHttp}. */
public record BookingApi(String baseUrl, String token) {

    public static final JsonMapper JSON = TestHttp.JSON;

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

    /** Sends as this tenant, with an empty {@code Octo-Capabilities} request header as OCTO clients send it. */
    public Answer call(String method, String path, String json) {
        TestHttp.Response response = TestHttp.at(baseUrl).withToken(token).withHeader("Octo-Capabilities", "")
                .send(method, path, json);
        return new Answer(response.status(), response.contentType(), response.header("Octo-Capabilities"), response.body());
    }

    /** One HTTP answer, with the {@code Octo-Capabilities} header the OCTO API answers with. */
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
