package ru.promtour.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import ru.promtour.test.infra.ImportTestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin's booking story: the two services' parts merged by time, partial without notification-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.security.admin-api-key=" + GatewayTestSupport.ADMIN_KEY)
@AutoConfigureWebTestClient(timeout = "30s")
@ImportTestInfrastructure(kafka = false)
class BookingStoryMergeIT {

    @RegisterExtension
    static WireMockExtension booking = GatewayTestSupport.backend();

    @RegisterExtension
    static WireMockExtension notification = GatewayTestSupport.backend();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("platform.services.booking", booking::baseUrl);
        registry.add("platform.services.notification", notification::baseUrl);
    }

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SEND_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    WebTestClient client;
    @Autowired
    JsonMapper json;

    /** booking-service's part, found by the uuid: held, then confirmed (an event sent in TRACE), its sale in the ledger. */
    private static String bookingPart(String id, String uuid) {
        return """
            {"bookingId":"%s","uuid":"%s","supplierReference":"PT-TYGXCZ","status":"CONFIRMED","operatorId":"op-1",
             "slotId":"slot-1","units":2,"traceIds":["%s"],"ledger":{"slotId":"slot-1","state":"SOLD","units":2},
             "events":[
              {"at":"2026-12-05T10:00:00Z","source":"booking-service","kind":"state","type":"ON_HOLD"},
              {"at":"2026-12-05T10:05:00.120Z","source":"booking-service","kind":"event","type":"booking.BookingConfirmed.v1",
               "detail":{"topic":"booking.bookings.v1"},"traceId":"%s"},
              {"at":"2026-12-05T10:05:00.1Z","source":"ledger","kind":"seats","type":"SOLD","detail":{"units":2}}]}
            """.formatted(id, uuid, TRACE, TRACE);
    }

    private static String messagesPart(String id) {
        return """
            {"bookingId":"%s","traceIds":["%s","%s"],"events":[
              {"at":"2026-12-05T10:05:01Z","source":"notification-service","kind":"message","type":"booking.BookingConfirmed.v1",
               "detail":{"channel":"EMAIL","recipient":"m***@school42.example","status":"SENT"},"traceId":"%s"},
              {"at":"2026-12-05T10:05:00.5Z","source":"notification-service","kind":"message","type":"booking.BookingConfirmed.v1",
               "detail":{"channel":"SMS","recipient":"+7902***1234","status":"SENT"},"traceId":"%s"}]}
            """.formatted(id, TRACE, SEND_TRACE, TRACE, SEND_TRACE);
    }

    private static void stubBooking(String key, String id, String uuid) {
        booking.stubFor(get(urlEqualTo("/internal/story/" + key)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(bookingPart(id, uuid))));
    }

    private WebTestClient.ResponseSpec story(String key, String apiKey) {
        return client.get().uri("/admin/bookings/{key}/story", key).header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey).exchange();
    }

    private JsonNode okStory(String key) {
        byte[] body = story(key, GatewayTestSupport.ADMIN_KEY).expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    @Test
    void theStoryMergesBothServicesPartsInTimeOrderWithEveryTraceId() {
        String id = UUID.randomUUID().toString();
        String uuid = UUID.randomUUID().toString();
        stubBooking(uuid, id, uuid);
        notification.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(messagesPart(id))));

        JsonNode story = okStory(uuid);

        assertThat(story.path("bookingId").asString()).isEqualTo(id);
        assertThat(story.path("uuid").asString()).isEqualTo(uuid);
        assertThat(story.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(story.path("traceId").asString()).isEqualTo(TRACE);
        assertThat(story.path("traceIds").toString()).isEqualTo("[\"" + TRACE + "\",\"" + SEND_TRACE + "\"]");
        assertThat(story.path("booking").path("ledger").path("state").asString()).isEqualTo("SOLD");
        assertThat(story.has("partial")).isFalse();
        List<String> order = new ArrayList<>();
        story.path("events").forEach(e -> order.add(e.path("source").asString() + ":" + e.path("type").asString()
                + ":" + e.path("detail").path("channel").asString("")));
        assertThat(order).containsExactly("booking-service:ON_HOLD:", "ledger:SOLD:",
                "booking-service:booking.BookingConfirmed.v1:", "notification-service:booking.BookingConfirmed.v1:SMS",
                "notification-service:booking.BookingConfirmed.v1:EMAIL");
        // both services were asked as the admin, with the gateway's internal token, never the API key
        for (WireMockExtension service : List.of(booking, notification)) {
            String authorization = service.findAll(getRequestedFor(urlEqualTo("/internal/story/" + (service == booking ? uuid : id))))
                .get(0).getHeader(HttpHeaders.AUTHORIZATION);
            assertThat(authorization).startsWith("Bearer ey").doesNotContain(GatewayTestSupport.ADMIN_KEY);
        }
        booking.verify(getRequestedFor(urlEqualTo("/internal/story/" + uuid)).withHeader("X-Request-Id", matching(".+")));
    }

    @Test
    void aLegOfARouteAlsoTellsTheRoutesMessages() {
        String id = UUID.randomUUID().toString();
        String routeId = UUID.randomUUID().toString();
        booking.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody(bookingPart(id, UUID.randomUUID().toString()).replace("\"units\":2,", "\"units\":2,\"routeBookingId\":\"" + routeId + "\","))));
        notification.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));
        notification.stubFor(get(urlEqualTo("/internal/story/" + routeId)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json").withBody(messagesPart(routeId))));

        JsonNode story = okStory(id);

        assertThat(story.has("partial")).isFalse();
        assertThat(story.path("booking").path("routeBookingId").asString()).isEqualTo(routeId);
        assertThat(story.path("events").size()).isEqualTo(5);
        assertThat(story.path("traceIds").size()).isEqualTo(2);
    }

    @Test
    void withoutNotificationServiceTheBookingsPartIsAnsweredAsPartial() {
        String id = UUID.randomUUID().toString();
        stubBooking(id, id, UUID.randomUUID().toString());
        notification.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        JsonNode story = okStory(id);

        assertThat(story.path("partial").asBoolean()).isTrue();
        assertThat(story.path("unavailable").toString()).isEqualTo("[\"notification-service\"]");
        assertThat(story.path("events").size()).isEqualTo(3);
        assertThat(story.path("traceId").asString()).isEqualTo(TRACE);
    }

    @Test
    void aBookingWithoutMessagesYetIsAWholeStory() {
        String id = UUID.randomUUID().toString();
        stubBooking(id, id, UUID.randomUUID().toString());
        notification.stubFor(get(urlEqualTo("/internal/story/" + id)).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404}")));

        JsonNode story = okStory(id);

        assertThat(story.has("partial")).isFalse();
        assertThat(story.path("events").size()).isEqualTo(3);
    }

    @Test
    void anUnknownOrMalformedBookingIsBookingServicesProblemAndADownBookingServiceA503() {
        booking.stubFor(get(urlEqualTo("/internal/story/PT-ZZZZZZ")).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/problem+json")
            .withBody("{\"status\":404,\"detail\":\"No booking with id, OCTO uuid or supplier reference PT-ZZZZZZ\"}")));
        booking.stubFor(get(urlEqualTo("/internal/story/nope")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":400,\"detail\":\"'nope' is neither\"}")));
        booking.stubFor(get(urlEqualTo("/internal/story/PT-DDDDDD")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        story("PT-ZZZZZZ", GatewayTestSupport.ADMIN_KEY).expectStatus().isNotFound()
            .expectHeader().contentType("application/problem+json")
            .expectBody().jsonPath("$.detail").isEqualTo("No booking with id, OCTO uuid or supplier reference PT-ZZZZZZ");
        story("nope", GatewayTestSupport.ADMIN_KEY).expectStatus().isBadRequest()
            .expectHeader().contentType("application/problem+json");
        story("PT-DDDDDD", GatewayTestSupport.ADMIN_KEY).expectStatus().isEqualTo(503)
            .expectHeader().contentType("application/problem+json")
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10");
    }

    @Test
    void anOperatorKeyIsRefusedBeforeAnyServiceIsAsked() {
        String operatorKey = GatewayTestSupport.operatorKey(client);
        String id = UUID.randomUUID().toString();

        story(id, operatorKey).expectStatus().isForbidden().expectHeader().contentType("application/problem+json");
        client.get().uri("/admin/bookings/{id}/story", id).exchange().expectStatus().isUnauthorized();
        booking.verify(0, getRequestedFor(urlEqualTo("/internal/story/" + id)));
    }
}
