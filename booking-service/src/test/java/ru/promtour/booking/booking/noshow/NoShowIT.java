package ru.promtour.booking.booking.noshow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.testdata.BookingApi;
import ru.promtour.booking.testdata.BookingApi.Answer;
import ru.promtour.booking.testdata.BookingIT;
import ru.promtour.booking.testdata.CatalogData;
import ru.promtour.booking.testdata.CatalogData.Program;
import ru.promtour.booking.testdata.FakeCatalog;
import ru.promtour.messaging.cloudevents.CloudEventDeserializer;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.security.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The enterprise's no-show mark: when it may be set, once, and what it announces. */
class NoShowIT extends BookingIT {

    private static final String NO_SHOW = "booking.BookingNoShow.v1";
    private static final Duration VISIT_IN = Duration.ofDays(10);

    @Autowired
    ObjectProvider<EventTypes> eventTypes;
    @Autowired
    JsonMapper json;

    /** A confirmed group of {@code adults} on a new slot {@link #VISIT_IN} ahead, and who may see it. */
    private record Group(Program program, String slotId, String uuid, String id, BookingApi enterprise) {
    }

    private Group confirmed(int adults) {
        Program p = Program.instant("Asia/Irkutsk");
        String slotId = slot(p, VISIT_IN, 40);
        String uuid = uuid();
        Answer held = reserve(CatalogData.reserve(uuid, p, slotId, adults, 0, 0));
        assertThat(held.text("status")).as(held.toString()).isEqualTo("ON_HOLD");
        Answer confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", CatalogData.CONTACT);
        assertThat(confirmed.text("status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        return new Group(p, slotId, uuid, held.text("id"), operator.as(TestTokens.enterprise(p.enterpriseId())));
    }

    private static Answer mark(BookingApi as, String id, String body) {
        return as.post("/api/v1/bookings/" + id + "/no-show", body);
    }

    @Test
    void theEnterpriseMarksAStartedVisitOnceWithOneEventAndTheBookingStaysConfirmedWithItsSeats() {
        Group g = confirmed(3);
        clock.advance(VISIT_IN.plusHours(1));
        JsonNode octoBefore = operator.get("/octo/bookings/" + g.uuid()).json();

        Answer marked = mark(g.enterprise(), g.id(), "{\"cause\":\"NOT_ARRIVED\",\"note\":\"  автобус не приехал \"}");

        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
        assertThat(marked.text("status")).isEqualTo("CONFIRMED");
        assertThat(marked.json().path("noShow").path("cause").asString()).isEqualTo("NOT_ARRIVED");
        assertThat(marked.json().path("noShow").path("note").asString()).isEqualTo("автобус не приехал");
        assertThat(marked.json().path("noShow").path("markedBy").asString()).isEqualTo("ENTERPRISE:" + g.program().enterpriseId());
        FakeCatalog.Event event = catalog.await(g.id(), NO_SHOW);
        Contracts.assertMatchesSchema(event.type(), event.body().toString());
        assertThat(event.slotId()).as("key = slot id").isEqualTo(g.slotId());
        assertThat(event.body().path("bookingId").asString()).isEqualTo(g.id());
        assertThat(event.body().path("excursionId").asString()).isEqualTo(g.program().excursionId());
        assertThat(event.body().path("operatorId").asString()).isEqualTo(operatorId);
        assertThat(event.body().path("units").asInt()).isEqualTo(3);
        assertThat(event.body().path("cause").asString()).isEqualTo("NOT_ARRIVED");
        assertThat(event.body().path("note").asString()).isEqualTo("автобус не приехал");
        assertThat(event.body().path("markedAt").asString()).isEqualTo(marked.json().path("noShow").path("markedAt").asString());
        assertThat(event.body().path("visit").path("supplierReference").asString()).startsWith("PT-");
        assertThat(event.body().path("visit").path("localStart").asString()).endsWith("+08:00");
        assertThat(sentEvents(g.id(), NO_SHOW)).singleElement()
                .satisfies(sent -> assertThat(sent.getString("subject")).as("ce_subject = booking id").isEqualTo(g.id()));
        // OCTO has no no-show: the operator reads the booking as before, and its seats stay sold
        assertThat(operator.get("/octo/bookings/" + g.uuid()).json()).isEqualTo(octoBefore);
        assertThat(ledger(g.slotId()).confirmed()).isEqualTo(3);
        // the service's own readers of booking.bookings.v1 (ledger repair, routes) get it as a type they skip
        assertThat(readAsTheServicesListenersDo(event)).isInstanceOf(UnknownEvent.class);
        JsonNode story = operator.as(TestTokens.admin()).get("/internal/story/" + g.id()).json();
        List<String> entries = story.path("events").valueStream()
                .map(e -> e.path("kind").asString() + "/" + e.path("type").asString()).toList();
        assertThat(entries).contains("state/NO_SHOW", "event/" + NO_SHOW);
        assertThat(story.path("status").asString()).isEqualTo("CONFIRMED");
    }

    @Test
    void markingAgainWithTheSameCauseAnswersTheBookingUnchangedAndAnotherCauseIsAConflict() {
        Group g = confirmed(1);
        clock.advance(VISIT_IN.plusHours(2));
        Answer first = mark(g.enterprise(), g.id(), "{\"cause\":\"LATE\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        catalog.await(g.id(), NO_SHOW);
        long version = document(g.id()).get("version", Number.class).longValue();
        clock.advance(Duration.ofHours(1));

        Answer again = mark(g.enterprise(), g.id(), "{\"cause\":\"LATE\",\"note\":\"другая заметка\"}");
        Answer other = mark(g.enterprise(), g.id(), "{\"cause\":\"OTHER\"}");

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("noShow")).isEqualTo(first.json().path("noShow"));
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.text("detail")).startsWith("ALREADY_MARKED").contains("LATE");
        assertThat(document(g.id()).get("version", Number.class).longValue()).as("nothing written").isEqualTo(version);
        assertThat(sentEvents(g.id(), NO_SHOW)).hasSize(1);
        assertThat(g.enterprise().get("/api/v1/bookings/" + g.id()).json().path("noShow").path("cause").asString())
                .isEqualTo("LATE");
    }

    @Test
    void aVisitNotStartedOrLongPastOrABookingNotConfirmedCannotBeMarked() {
        Group g = confirmed(1);

        Answer early = mark(g.enterprise(), g.id(), "{\"cause\":\"NOT_ARRIVED\"}");
        clock.advance(VISIT_IN.plusDays(30).plusHours(1));
        Answer late = mark(g.enterprise(), g.id(), "{\"cause\":\"NOT_ARRIVED\"}");

        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.text("detail")).startsWith("NOT_STARTED");
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.text("detail")).startsWith("TOO_LATE");

        clock.reset();
        Group cancelled = confirmed(1);
        assertThat(operator.post("/octo/bookings/" + cancelled.uuid() + "/cancel", "{}").text("status")).isEqualTo("CANCELLED");
        clock.advance(VISIT_IN.plusHours(1));
        Answer notConfirmed = mark(cancelled.enterprise(), cancelled.id(), "{\"cause\":\"NOT_ARRIVED\"}");
        assertThat(notConfirmed.status()).as(notConfirmed.toString()).isEqualTo(409);
        assertThat(notConfirmed.text("detail")).startsWith("NOT_CONFIRMED").contains("CANCELLED");
        assertThat(catalog.count(g.id(), NO_SHOW) + catalog.count(cancelled.id(), NO_SHOW)).isZero();
        assertThat(document(g.id()).containsKey("noShow")).isFalse();
    }

    @Test
    void aBadBodyIsRefusedNamingTheField() {
        Group g = confirmed(1);
        clock.advance(VISIT_IN.plusHours(1));

        for (String body : List.of("{\"cause\":\"FORGOT\"}", "{}", "{\"note\":\"без причины\"}",
                "{\"cause\":\"LATE\",\"note\":\"" + "x".repeat(501) + "\"}", "{\"cause\":", "")) {
            Answer refused = mark(g.enterprise(), g.id(), body);
            assertThat(refused.status()).as(body + " → " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(mark(g.enterprise(), g.id(), "{\"cause\":\"FORGOT\"}").text("detail"))
                .contains("cause").contains("NOT_ARRIVED").contains("REFUSED_ADMISSION");
        assertThat(mark(g.enterprise(), g.id(), "{\"cause\":\"LATE\",\"note\":\"" + "x".repeat(501) + "\"}").text("detail"))
                .contains("note");
        assertThat(document(g.id()).containsKey("noShow")).isFalse();
    }

    @Test
    void anotherEnterpriseOrAnOperatorCannotMarkItButTheAdminCan() {
        Group g = confirmed(2);
        clock.advance(VISIT_IN.plusHours(1));

        Answer stranger = mark(operator.as(TestTokens.enterprise("ent-stranger")), g.id(), "{\"cause\":\"NOT_ARRIVED\"}");
        Answer unknown = mark(g.enterprise(), "no-such-booking", "{\"cause\":\"NOT_ARRIVED\"}");
        Answer byOperator = mark(operator, g.id(), "{\"cause\":\"NOT_ARRIVED\"}");

        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(404);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        // as unknown as a booking that does not exist
        assertThat(stranger.status()).isEqualTo(unknown.status());
        assertThat(stranger.text("detail")).isEqualTo(unknown.text("detail"));
        assertThat(byOperator.status()).as(byOperator.toString()).isEqualTo(403);
        assertThat(document(g.id()).containsKey("noShow")).isFalse();

        Answer byAdmin = mark(operator.as(TestTokens.admin()), g.id(), "{\"cause\":\"REFUSED_ADMISSION\"}");
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.json().path("noShow").path("markedBy").asString()).startsWith("ADMIN:");
        assertThat(catalog.await(g.id(), NO_SHOW).body().path("cause").asString()).isEqualTo("REFUSED_ADMISSION");
    }

    private Document document(String id) {
        return mongo.findById(id, Document.class, Booking.COLLECTION);
    }

    /** The events of {@code type} the booking's relay sent (its outbox history). */
    private List<Document> sentEvents(String id, String type) {
        return document(id).getList("outboxHistory", Document.class).stream()
                .filter(e -> type.equals(e.getString("type"))).toList();
    }

    private Object readAsTheServicesListenersDo(FakeCatalog.Event event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.ID, event.id().getBytes(StandardCharsets.UTF_8));
        return new CloudEventDeserializer(EventTypes.merge(eventTypes.orderedStream().toList()), json)
                .deserialize(FakeCatalog.BOOKINGS, headers, event.body().toString().getBytes(StandardCharsets.UTF_8));
    }
}
