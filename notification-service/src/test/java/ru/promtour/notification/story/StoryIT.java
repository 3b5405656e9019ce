package ru.promtour.notification.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.notification.event.BookingEvent;
import ru.promtour.notification.event.Notifications;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.testdata.BookingKafka.Booking;
import ru.promtour.notification.testdata.Events;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** notification-service's part of a booking's story: the admin's, messages masked, with the trace and error kind. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "notification.dispatch.enabled=false")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class StoryIT {

    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

    @LocalServerPort
    int port;
    @Autowired
    Notifications notifications;
    @Autowired
    MongoOperations mongo;

    @Test
    void theAdminGetsTheBookingsMessagesMaskedWithStatusTraceAndErrorKind() {
        Booking booking = confirmed();
        // the e-mail to the group leader went out in the event's trace; the SMS failed, its provider quoting the number
        mongo.updateFirst(query(where("bookingId").is(booking.bookingId()).and("recipient").is("m.ivanova@school42.example")),
                new Update().set("status", MessageStatus.SENT).set("sentAt", Instant.now()).set("attempts", 1)
                        .set("traceparent", "00-" + TRACE + "-b7ad6b7169203331-01"), Message.COLLECTION);
        mongo.updateFirst(query(where("bookingId").is(booking.bookingId()).and("channel").is("SMS")),
                new Update().set("status", MessageStatus.FAILED).set("attempts", 6)
                        .set("lastError", "gave up after 6 attempts: SMS provider unreachable: +79025551234 timed out"),
                Message.COLLECTION);

        TestHttp.Response story = get("/internal/story/" + booking.bookingId(), TestTokens.admin());

        assertThat(story.status()).as(story.body()).isEqualTo(200);
        JsonNode json = story.json();
        assertThat(json.path("bookingId").asString()).isEqualTo(booking.bookingId());
        assertThat(json.path("traceIds").path(0).asString()).isEqualTo(TRACE);
        List<String> recipients = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        json.path("events").forEach(e -> {
            assertThat(e.path("source").asString()).isEqualTo("notification-service");
            assertThat(e.path("kind").asString()).isEqualTo("message");
            assertThat(e.path("type").asString()).isEqualTo("booking.BookingConfirmed.v1");
            recipients.add(e.path("detail").path("recipient").asString());
            times.add(Instant.parse(e.path("at").asString()));
        });
        assertThat(recipients).containsExactlyInAnyOrder("m***@school42.example", "+7902***1234",
                "b***@baikal-tour.example", "e***@irkutsk-hpp.example");
        assertThat(times).isSorted();
        JsonNode email = find(json, "m***@school42.example");
        assertThat(email.path("detail").path("status").asString()).isEqualTo("SENT");
        assertThat(email.path("detail").path("channel").asString()).isEqualTo("EMAIL");
        assertThat(email.path("traceId").asString()).isEqualTo(TRACE);
        JsonNode sms = find(json, "+7902***1234");
        assertThat(sms.path("detail").path("status").asString()).isEqualTo("FAILED");
        assertThat(sms.path("detail").path("attempts").asInt()).isEqualTo(6);
        assertThat(sms.path("detail").path("lastError").asString()).isEqualTo("gave up after 6 attempts: SMS provider unreachable");
        assertThat(story.body()).doesNotContain("m.ivanova@").doesNotContain("79025551234").doesNotContain("\"text\"");
    }

    @Test
    void onlyTheAdminMayRead() {
        Booking booking = confirmed();

        assertThat(get("/internal/story/" + booking.bookingId(), TestTokens.operator("op-3b9e")).status()).isEqualTo(403);
        assertThat(get("/internal/story/" + booking.bookingId(), TestTokens.enterprise("ent-irkutsk-hpp")).status()).isEqualTo(403);
        assertThat(get("/internal/story/" + booking.bookingId(), null).status()).isEqualTo(401);
    }

    @Test
    void anUnknownBookingIsA404AndAMalformedIdA400() {
        TestHttp.Response unknown = get("/internal/story/" + UUID.randomUUID(), TestTokens.admin());
        TestHttp.Response malformed = get("/internal/story/%7B%24ne%3A1%7D", TestTokens.admin());

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
    }

    private static JsonNode find(JsonNode story, String recipient) {
        for (JsonNode e : story.path("events")) {
            if (recipient.equals(e.path("detail").path("recipient").asString())) {
                return e;
            }
        }
        throw new AssertionError("no message to " + recipient + " in " + story);
    }

    private Booking confirmed() {
        Booking booking = Booking.fresh();
        BookingEvent event = Events.JSON.readValue(booking.json("booking.BookingConfirmed.v1"), Events.TYPES.get("booking.BookingConfirmed.v1"));
        notifications.handle(UUID.randomUUID().toString(), "booking.BookingConfirmed.v1", event, Instant.now());
        return booking;
    }

    private TestHttp.Response get(String path, String token) {
        return TestHttp.localhost(port).withToken(token).get(path);
    }
}
