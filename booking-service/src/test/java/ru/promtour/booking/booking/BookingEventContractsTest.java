package ru.promtour.booking.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ru.promtour.booking.booking.ReserveCommand.UnitItemInput;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.booking.messaging.OctoBookingRenderer;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Producer side of the contracts: every booking event, built from real transitions, matches its schema. */
class BookingEventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-11-23T09:15:02.114Z");

    private final CatalogProjection projection = mock(CatalogProjection.class);
    /** Stands in for the OCTO renderer (OctoBookings, tested with the web layer): the fields the schema requires. */
    private static final OctoBookingRenderer OCTO = b -> Map.of("id", b.id(), "uuid", b.uuid(), "status", b.status().name(),
            "productId", b.productId(), "optionId", b.optionId(), "availabilityId", b.slotId(), "unitItems", List.of());
    private final BookingEvents events = new BookingEvents(JSON, projection, OCTO);

    private Booking heldBooking(String mode, Program.EnterpriseInfo enterprise) {
        Program program = new Program(new Program.Text("Иркутская ГЭС", null), enterprise, 120, mode, "КПП №2",
                new Program.Rules(null, true, null, false, "PASSPORT_AND_BIRTH_CERTIFICATE", 10, null),
                List.of(new Program.Unit("child", "CHILD", 7, 17, null),
                        new Program.Unit("accompanying-adult", "ACCOMPANYING_ADULT", 18, null, 10)),
                1, 40, 2, 24);
        when(projection.excursion("exc-1")).thenReturn(Optional.of(new ExcursionView("exc-1", "ent-1", 1, true, program)));
        ReserveCommand command = new ReserveCommand(null, "exc-1", "DEFAULT", "slot-1", null, null,
                List.of(new UnitItemInput(null, "child", null, null, null), new UnitItemInput(null, "accompanying-adult", null, null, null)),
                null, null);
        List<UnitItem> items = List.of(new UnitItem("u-1", "child", "CHILD", null, null, null),
                new UnitItem("u-2", "accompanying-adult", "ACCOMPANYING_ADULT", null, null, null));
        return Booking.held("bk-1", "uuid-1", new Booking.Operator("op-1", "Байкал-Тур", "booking@baikal-tour.example"), "hash", "PT-7K3M9Q", command, items, "ent-1",
                Instant.parse("2026-12-01T02:00:00Z"), "Asia/Irkutsk", "2026-12-01", BookingMode.of(mode), NOW, NOW.plusSeconds(1800));
    }

    private static final Contact LEADER = new Contact("Иванова Мария", null, null, "m@school.ru", "+79025551234",
            List.of("ru"), null, null, null);

    @Test
    void everyEventOfAnInstantLifecycleMatchesItsSchema() {
        Booking b = heldBooking("INSTANT", new Program.EnterpriseInfo("ent-1", "ГЭС", "Иркутск", "ул. Лермонтова, 1",
                "Asia/Irkutsk", null, null));
        Booking held = b;
        Booking confirmed = held.confirmed(NOW, LEADER, held.unitItems(), "SCH-42", false);
        JsonNode visit = assertMatches(events.confirmed(confirmed, NOW)).path("visit");
        assertThat(visit.path("localStart").asString()).isEqualTo("2026-12-01T10:00:00+08:00");
        assertThat(visit.path("unitItems")).hasSize(2);
        assertThat(visit.path("operator").path("id").asString()).isEqualTo("op-1");
        assertThat(visit.path("operator").path("name").asString()).isEqualTo("Байкал-Тур");
        assertThat(visit.path("operator").path("email").asString()).isEqualTo("booking@baikal-tour.example");
        assertMatches(events.updated(confirmed, 2, List.of("UNITS", "CONTACT"), NOW));
        Booking cancelled = confirmed.cancelled(NOW, null, Cancellation.SUPPLIER);
        JsonNode cancelledEvent = assertMatches(events.cancelled(cancelled, NOW));
        assertThat(cancelledEvent.path("octoBooking").path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelledEvent.has("reason")).as("an absent reason is left out, not null").isFalse();
        assertMatches(events.expired(held.expired(NOW), NOW));
        JsonNode incomplete = assertMatches(events.manifestIncomplete(confirmed, NOW.plusSeconds(86_400), NOW));
        assertThat(incomplete.path("visitorsNamed").asInt()).isZero();
        assertThat(incomplete.has("octoBooking")).as("not a lifecycle change: no webhook").isFalse();
    }

    @Test
    void everyEventOfAnOnRequestLifecycleMatchesItsSchemaEvenWithoutAnEnterpriseAddress() {
        Booking b = heldBooking("ON_REQUEST", new Program.EnterpriseInfo("ent-1", "ГЭС", null, null, "Asia/Irkutsk", null, null));
        Booking pending = b.confirmed(NOW, LEADER, b.unitItems(), null, true);
        JsonNode event = assertMatches(events.pendingApproval(pending, NOW));
        assertThat(event.path("visit").path("enterprise").path("address").asString()).isEqualTo("ГЭС");
        assertMatches(events.approved(pending.approved(NOW), NOW));
        assertMatches(events.declined(pending.declined(NOW, "группа слишком большая"), NOW));
    }

    @Test
    void aWaitlistOfferMatchesItsSchemaWithItsDeadline() {
        Booking b = heldBooking("INSTANT", new Program.EnterpriseInfo("ent-1", "ГЭС", "Иркутск", "ул. Лермонтова, 1",
                "Asia/Irkutsk", null, null));
        Booking offered = b.offered(NOW, NOW.plusSeconds(7200));
        JsonNode event = assertMatches(events.waitlistOffered(offered, 2, NOW));
        assertThat(event.path("offerExpiresAt").asString()).isEqualTo(NOW.plusSeconds(7200).toString());
        assertThat(event.path("position").asInt()).isEqualTo(2);
        assertThat(event.path("visit").path("operator").path("email").asString()).isEqualTo("booking@baikal-tour.example");
    }

    @Test
    void aNoShowMatchesItsSchemaWithItsCauseAndWithoutANoteNobodyWrote() {
        Booking b = heldBooking("INSTANT", new Program.EnterpriseInfo("ent-1", "ГЭС", "Иркутск", "ул. Лермонтова, 1",
                "Asia/Irkutsk", null, null));
        Booking confirmed = b.confirmed(NOW, LEADER, b.unitItems(), null, false);
        Instant at = NOW.plusSeconds(86_400 * 8);
        JsonNode event = assertMatches(events.noShow(confirmed.markedNoShow(
                new NoShow(NoShow.Cause.REFUSED_ADMISSION, "без паспортов", at, "ENTERPRISE:ent-1"))));
        assertThat(event.path("cause").asString()).isEqualTo("REFUSED_ADMISSION");
        assertThat(event.path("note").asString()).isEqualTo("без паспортов");
        assertThat(event.path("markedAt").asString()).isEqualTo(at.toString());
        assertThat(event.has("octoBooking")).as("OCTO has no no-show: no webhook").isFalse();
        assertThat(event.has("markedBy")).isFalse();
        JsonNode bare = assertMatches(events.noShow(confirmed.markedNoShow(new NoShow(NoShow.Cause.LATE, null, at, "ADMIN:admin"))));
        assertThat(bare.has("note")).as("an absent note is left out, not null").isFalse();
        Contracts.assertMatchesSchema(BookingEvents.NO_SHOW, Contracts.example(BookingEvents.NO_SHOW));
    }

    @Test
    void personalDataRetentionRemovesTheNoShowNoteButKeepsTheMark() {
        Booking b = heldBooking("INSTANT", new Program.EnterpriseInfo("ent-1", "ГЭС", null, null, "Asia/Irkutsk", null, null));
        Booking marked = b.confirmed(NOW, LEADER, b.unitItems(), null, false)
                .markedNoShow(new NoShow(NoShow.Cause.NOT_ARRIVED, "Иванова не отвечала", NOW, "ENTERPRISE:ent-1"));

        Booking removed = marked.personalDataRemoved(NOW.plusSeconds(86_400 * 40));

        assertThat(removed.noShow()).isEqualTo(new NoShow(NoShow.Cause.NOT_ARRIVED, null, NOW, "ENTERPRISE:ent-1"));
        assertThat(removed.status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    private static JsonNode assertMatches(OutboxEvent event) {
        assertThat(event.topic()).isEqualTo(BookingEvents.TOPIC);
        assertThat(event.key()).isEqualTo("slot-1");
        assertThat(event.subject()).isEqualTo("bk-1");
        Contracts.assertMatchesSchema(event.type(), event.payload());
        return JSON.readTree(event.payload());
    }
}
