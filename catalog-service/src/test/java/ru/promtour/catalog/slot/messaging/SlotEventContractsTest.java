package ru.promtour.catalog.slot.messaging;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.excursion.OpeningHours;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The producer side of the slot contracts: what we serialize matches contracts/<type>.schema.json. */
class SlotEventContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SlotEvents events = new SlotEvents(json);
    private final Instant now = Instant.parse("2026-11-20T09:15:00.123Z");

    private Slot slot(SlotStatus status) {
        return slot(status, Instant.parse("2026-12-01T00:00:00Z"));
    }

    private Slot slot(SlotStatus status, Instant cutoffAt) {
        return new Slot("slot-1", "exc-1", "ent-irkutsk-hpp", Instant.parse("2026-12-01T02:00:00Z"), "Asia/Irkutsk",
                cutoffAt, 40, 3, 5, status, 4, 17L, status == SlotStatus.CANCELLED ? "Авария" : null, List.of(), List.of(),
                now, now);
    }

    @Test
    void slotPublishedMatchesItsSchemaAndCarriesTheLocalStartWithOffsetAndTheCutoff() {
        OutboxEvent event = events.published(slot(SlotStatus.OPEN), now);
        assertContract(event, SlotEvents.PUBLISHED);
        assertThat(json.readTree(event.payload()).path("localStart").asString()).isEqualTo("2026-12-01T10:00:00+08:00");
        assertThat(json.readTree(event.payload()).path("start").asString()).isEqualTo("2026-12-01T02:00:00Z");
        assertThat(json.readTree(event.payload()).path("cutoffAt").asString()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void theFactsCarryTheCutoffAndLeaveItOutForASlotStoredWithoutIt() {
        Slot stored = slot(SlotStatus.CLOSED);
        assertThat(json.readTree(events.closed(stored, null, now).payload()).path("cutoffAt").asString())
                .isEqualTo("2026-12-01T00:00:00Z");

        Slot old = slot(SlotStatus.OPEN, null);
        for (OutboxEvent event : List.of(events.capacityChanged(old, 50, now), events.closed(old, null, now),
                events.reopened(old, now), events.cancelled(old, "Авария", List.of(), now))) {
            assertContract(event, event.type());
            assertThat(json.readTree(event.payload()).has("cutoffAt")).as(event.type()).isFalse();
        }
    }

    @Test
    void slotCutoffChangedMatchesItsSchemaWithAndWithoutThePreviousCutoff() {
        Slot moved = slot(SlotStatus.OPEN, Instant.parse("2026-11-30T02:00:00Z"));
        OutboxEvent event = events.cutoffChanged(moved, Instant.parse("2026-12-01T00:00:00Z"), now);
        assertContract(event, SlotEvents.CUTOFF_CHANGED);
        JsonNode body = json.readTree(event.payload());
        assertThat(body.path("cutoffAt").asString()).isEqualTo("2026-11-30T02:00:00Z");
        assertThat(body.path("previousCutoffAt").asString()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(body.path("version").asLong()).isEqualTo(4);

        OutboxEvent fromOld = events.cutoffChanged(moved, null, now);
        assertContract(fromOld, SlotEvents.CUTOFF_CHANGED);
        assertThat(json.readTree(fromOld.payload()).has("previousCutoffAt")).isFalse();
    }

    @Test
    void theEventsOfADaySlotCarryAllDayAndItsOpeningHours() {
        List<OpeningHours.TimeRange> hours = List.of(new OpeningHours.TimeRange("10:00", "13:00"),
                new OpeningHours.TimeRange("14:00", "18:00"));
        Slot day = new Slot("slot-1", "exc-1", "ent-irkutsk-hpp", Instant.parse("2026-12-01T02:00:00Z"),
                "Asia/Irkutsk", Instant.parse("2026-12-01T01:00:00Z"), 300, 3, 5, SlotStatus.OPEN, 4, 17L, null,
                List.of(), List.of(), now, now, hours);
        for (OutboxEvent event : List.of(events.published(day, now), events.capacityChanged(day, 200, now),
                events.closed(day, "Closed by the program's opening hours", now), events.reopened(day, now),
                events.cancelled(day, "Авария", List.of("b-1"), now), events.cutoffChanged(day, null, now))) {
            assertContract(event, event.type());
            JsonNode body = json.readTree(event.payload());
            assertThat(body.path("allDay").asBoolean()).as(event.type()).isTrue();
            assertThat(body.path("openingHours").get(1).path("from").asString()).isEqualTo("14:00");
        }
        assertThat(json.readTree(events.published(slot(SlotStatus.OPEN), now).payload()).has("allDay")).isFalse();
    }

    @Test
    void slotCapacityChangedMatchesItsSchema() {
        assertContract(events.capacityChanged(slot(SlotStatus.OPEN), 50, now), SlotEvents.CAPACITY_CHANGED);
    }

    @Test
    void slotClosedMatchesItsSchemaWithAndWithoutReason() {
        assertContract(events.closed(slot(SlotStatus.CLOSED), "Ремонт", now), SlotEvents.CLOSED);
        assertContract(events.closed(slot(SlotStatus.CLOSED), null, now), SlotEvents.CLOSED);
    }

    @Test
    void slotReopenedMatchesItsSchema() {
        assertContract(events.reopened(slot(SlotStatus.OPEN), now), SlotEvents.REOPENED);
    }

    @Test
    void slotCancelledMatchesItsSchemaAndNamesTheBookingsTheLedgerNamed() {
        OutboxEvent event = events.cancelled(slot(SlotStatus.CANCELLED), "Авария", List.of("bk-1", "bk-2", "bk-1"), now);
        assertContract(event, SlotEvents.CANCELLED);
        assertThat(json.readTree(event.payload()).path("affectedBookingIds").toString()).isEqualTo("[\"bk-1\",\"bk-2\"]");
        assertContract(events.cancelled(slot(SlotStatus.CANCELLED), "Авария", List.of(), now), SlotEvents.CANCELLED);
    }

    @Test
    void slotChangeRequestedMatchesItsSchemaForEveryChange() {
        Slot slot = slot(SlotStatus.OPEN);
        OutboxEvent capacity = events.changeRequested(slot,
                new Slot.PendingChange("req-1", SlotChange.CAPACITY, 30, 40, null, now));
        assertContract(capacity, SlotEvents.CHANGE_REQUESTED);
        JsonNode body = json.readTree(capacity.payload());
        assertThat(body.path("requestId").asString()).isEqualTo("req-1");
        assertThat(body.path("change").asString()).isEqualTo("CAPACITY");
        assertThat(body.path("capacity").asInt()).isEqualTo(30);
        assertThat(body.path("enterpriseId").asString()).isEqualTo("ent-irkutsk-hpp");
        assertThat(body.has("reason")).isFalse();
        assertThat(body.has("previousCapacity")).as("the ledger's own figure counts").isFalse();
        assertContract(events.changeRequested(slot, new Slot.PendingChange("req-2", SlotChange.CLOSE, null, null, "Ремонт", now)),
                SlotEvents.CHANGE_REQUESTED);
        assertContract(events.changeRequested(slot, new Slot.PendingChange("req-3", SlotChange.CLOSE, null, null, null, now)),
                SlotEvents.CHANGE_REQUESTED);
        assertContract(events.changeRequested(slot, new Slot.PendingChange("req-4", SlotChange.REOPEN, null, null, null, now)),
                SlotEvents.CHANGE_REQUESTED);
        OutboxEvent cancel = events.changeRequested(slot, new Slot.PendingChange("req-5", SlotChange.CANCEL, null, null, "Авария", now));
        assertContract(cancel, SlotEvents.CHANGE_REQUESTED);
        assertThat(json.readTree(cancel.payload()).has("capacity")).isFalse();
    }

    @Test
    void theExamplesMatchTheirOwnSchemas() {
        for (String type : List.of(SlotEvents.PUBLISHED, SlotEvents.CAPACITY_CHANGED, SlotEvents.CLOSED,
                SlotEvents.REOPENED, SlotEvents.CANCELLED, SlotEvents.CUTOFF_CHANGED, SlotEvents.CHANGE_REQUESTED)) {
            Contracts.assertMatchesSchema(type, Contracts.example(type));
        }
    }

    private static void assertContract(OutboxEvent event, String type) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.topic()).isEqualTo("catalog.slots.v1");
        assertThat(event.key()).isEqualTo("slot-1");
        Contracts.assertMatchesSchema(type, event.payload());
    }
}
