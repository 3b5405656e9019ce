package ru.promtour.booking.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.test.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** booking-service's part of a booking's story: admin only, found by id, OCTO uuid or supplier reference. */
class StoryIT extends BookingIT {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private BookingApi admin() {
        return operator.as(TestTokens.admin());
    }

    /** A booking reserved and confirmed through the OCTO API. */
    private Answer confirmed(String uuid) {
        Program p = Program.instant("Europe/Moscow");
        String slotId = slot(p, Duration.ofDays(10), 40);
        Answer held = reserve(CatalogData.reserve(uuid, p, slotId, 2, 0, 0));
        assertThat(held.text("status")).as(held.toString()).isEqualTo("ON_HOLD");
        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmed.text("status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        return confirmed;
    }

    @Test
    void theAdminGetsTheBookingsStateEventsLedgerEntryAndTraceIdInTimeOrder() {
        String uuid = uuid();
        Answer booking = confirmed(uuid);
        String id = booking.text("id");

        Answer story = admin().get("/internal/story/" + id);

        assertThat(story.status()).as(story.toString()).isEqualTo(200);
        JsonNode json = story.json();
        assertThat(json.path("bookingId").asString()).isEqualTo(id);
        assertThat(json.path("uuid").asString()).isEqualTo(uuid);
        assertThat(json.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(json.path("operatorId").asString()).isEqualTo(operatorId);
        assertThat(json.path("units").asInt()).isEqualTo(2);
        assertThat(json.path("ledger").path("state").asString()).isEqualTo("SOLD");
        assertThat(json.path("ledger").path("units").asInt()).isEqualTo(2);
        assertThat(story.body()).doesNotContain("Иванова"); // the contact stays out

        List<String> kinds = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        json.path("events").forEach(e -> {
            kinds.add(e.path("source").asString() + "/" + e.path("kind").asString() + "/" + e.path("type").asString());
            times.add(Instant.parse(e.path("at").asString()));
        });
        assertThat(kinds).contains("booking-service/state/ON_HOLD", "booking-service/state/CONFIRMED",
                "booking-service/event/booking.BookingConfirmed.v1", "ledger/seats/SOLD");
        assertThat(kinds.indexOf("booking-service/state/ON_HOLD")).isLessThan(kinds.indexOf("booking-service/event/booking.BookingConfirmed.v1"));
        assertThat(times).isSorted();
        // the relay's record of the event it sent (outboxHistory), in the trace of the confirm request
        JsonNode sent = json.path("events").path(kinds.indexOf("booking-service/event/booking.BookingConfirmed.v1"));
        assertThat(sent.path("detail").path("topic").asString()).isEqualTo("booking.bookings.v1");
        assertThat(sent.path("detail").path("sentAt").asString()).isNotBlank();
        assertThat(sent.path("traceId").asString()).matches("[0-9a-f]{32}");
        assertThat(json.path("traceIds").path(0).asString()).isEqualTo(sent.path("traceId").asString());
    }

    @Test
    void aTraceparentIsReadFromTheRelaysHistoryAndAnEventStillInTheOutboxIsPending() {
        String uuid = uuid();
        String id = confirmed(uuid).text("id");
        Instant later = Instant.now().plusSeconds(1);
        // as the relay leaves a document: an entry sent in TRACE, and an event appended but not sent yet
        mongo.updateFirst(Query.query(where("_id").is(id)), new Update()
                .push(BookingStories.HISTORY, new Document("_id", UUID.randomUUID().toString())
                        .append("type", "booking.BookingUpdated.v1").append("topic", "booking.bookings.v1").append("subject", id)
                        .append("time", Date.from(later)).append("sentAt", Date.from(later.plusMillis(3)))
                        .append("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01"))
                // dated an hour ahead, so the relay's timer (events older than stale-after) leaves it alone
                .push("outbox", new Document("_id", UUID.randomUUID().toString()).append("type", "booking.StoryProbe.v1")
                        .append("topic", "booking.bookings.v1").append("key", "slot").append("subject", id)
                        .append("time", Date.from(later.plusSeconds(3600))).append("payload", "{}")), Booking.COLLECTION);

        JsonNode events = admin().get("/internal/story/" + id).json().path("events");

        JsonNode updated = events.path(events.size() - 2);
        JsonNode pending = events.path(events.size() - 1);
        assertThat(updated.path("type").asString()).isEqualTo("booking.BookingUpdated.v1");
        assertThat(updated.path("traceId").asString()).isEqualTo(TRACE);
        assertThat(pending.path("type").asString()).isEqualTo("booking.StoryProbe.v1");
        assertThat(pending.path("detail").path("pending").asBoolean()).isTrue();
    }

    @Test
    void anOctoUuidOrASupplierReferenceFindsTheSameBooking() {
        String uuid = uuid();
        Answer booking = confirmed(uuid);

        Answer byUuid = admin().get("/internal/story/" + uuid);
        Answer byReference = admin().get("/internal/story/" + booking.text("supplierReference").toLowerCase());

        assertThat(byUuid.status()).as(byUuid.toString()).isEqualTo(200);
        assertThat(byUuid.text("bookingId")).isEqualTo(booking.text("id"));
        assertThat(byReference.status()).as(byReference.toString()).isEqualTo(200);
        assertThat(byReference.text("bookingId")).isEqualTo(booking.text("id"));
    }

    @Test
    void anOperatorOrAnEnterpriseIsRefused() {
        String uuid = uuid();
        confirmed(uuid);

        assertThat(operator.get("/internal/story/" + uuid).status()).isEqualTo(403);
        assertThat(operator.as(TestTokens.enterprise("ent-1")).get("/internal/story/" + uuid).status()).isEqualTo(403);
        assertThat(operator.as(null).get("/internal/story/" + uuid).status()).isEqualTo(401);
    }

    @Test
    void anUnknownBookingIsA404AndAMalformedIdA400InProblemJson() {
        Answer unknown = admin().get("/internal/story/" + UUID.randomUUID());
        Answer unknownReference = admin().get("/internal/story/PT-ZZZZZZ");
        Answer malformed = admin().get("/internal/story/not-a-booking");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("detail")).contains("No booking");
        assertThat(unknownReference.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.text("detail")).contains("neither a booking id");
    }
}
