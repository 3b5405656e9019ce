package ru.promtour.catalog.slot.messaging;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import ru.promtour.catalog.slot.messaging.SeatEvents.Counts;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both directions of the seat saga: what the catalog emits matches its schema (producer), and each
 * booking example reads into the catalog's own record with the fields it needs (consumer).
 */
class SeatEventContractsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final SeatEvents events = new SeatEvents(json);
    private final Instant now = Instant.parse("2026-11-23T09:15:02.131Z");
    private final Counts counts = new Counts(28, 10, 40);

    @Test
    void seatsHeldMatchesItsSchemaWithAndWithoutRequestId() {
        OutboxEvent plain = events.held("slot-1", "bk-1", null, 28, now, counts);
        assertContract(plain, SeatEvents.HELD);
        assertThat(json.readTree(plain.payload()).has("requestId")).isFalse();
        assertThat(json.readTree(plain.payload()).path("available").asInt()).isEqualTo(2);
        assertContract(events.held("slot-1", "bk-1", "req-1", 3, now, counts), SeatEvents.HELD);
    }

    @Test
    void seatsRejectedMatchesItsSchemaForEveryReasonAndForAnUnknownSlot() {
        for (String reason : List.of("SOLD_OUT", "SLOT_CLOSED", "SLOT_CANCELLED", "CUTOFF_PASSED")) {
            assertContract(events.rejected("slot-1", "bk-1", null, 5, reason, 2, now), SeatEvents.REJECTED);
        }
        assertContract(events.rejected("slot-1", "bk-1", "req-1", 5, "SOLD_OUT", 0, now), SeatEvents.REJECTED);
        OutboxEvent unknown = events.rejected("slot-x", "bk-1", null, 5, "UNKNOWN_SLOT", null, now);
        assertContract(unknown, SeatEvents.REJECTED);
        assertThat(json.readTree(unknown.payload()).has("available")).isFalse();
    }

    @Test
    void seatsConfirmedMatchesItsSchema() {
        assertContract(events.confirmed("slot-1", "bk-1", 28, now, new Counts(0, 38, 40)), SeatEvents.CONFIRMED);
    }

    @Test
    void seatsReleasedMatchesItsSchemaForEveryCause() {
        for (String cause : List.of("CANCELLED", "EXPIRED", "DECLINED")) {
            assertContract(events.released("slot-1", "bk-1", null, 28, cause, now, new Counts(0, 10, 40)), SeatEvents.RELEASED);
        }
        assertContract(events.released("slot-1", "bk-1", "req-1", 2, "RESIZED", now, counts), SeatEvents.RELEASED);
    }

    @Test
    void countsNeverShowNegativeAvailability() {
        assertThat(new Counts(30, 20, 40).available()).isZero();
    }

    @Test
    void bookingRequestedExampleReads() {
        BookingRequested e = read(SeatRequestListener.REQUESTED, BookingRequested.class);
        assertThat(e.bookingId()).isEqualTo("6f1c2a4e-8d1b-4c7e-9a51-2b7d0e3f9a10");
        assertThat(e.slotId()).isEqualTo("slot-7c1e");
        assertThat(e.excursionId()).isEqualTo("exc-fruzhe-zefir");
        assertThat(e.units()).isEqualTo(28);
        assertThat(e.unitItems()).hasSize(2);
        assertThat(e.requestedAt()).isEqualTo(Instant.parse("2026-11-23T09:15:02.114Z"));
    }

    @Test
    void bookingResizeRequestedExampleReads() {
        BookingResizeRequested e = read(SeatRequestListener.RESIZE_REQUESTED, BookingResizeRequested.class);
        assertThat(e.bookingId()).isNotBlank();
        assertThat(e.slotId()).isEqualTo("slot-7c1e");
        assertThat(e.requestId()).isEqualTo("0b6f3c1d-2e4a-4f7b-8c9d-1a2b3c4d5e6f");
        assertThat(e.units()).isEqualTo(31);
        assertThat(e.previousUnits()).isEqualTo(28);
    }

    @Test
    void bookingConfirmedExampleReads() {
        BookingConfirmed e = read(SeatRequestListener.CONFIRMED, BookingConfirmed.class);
        assertThat(e.bookingId()).isNotBlank();
        assertThat(e.slotId()).isEqualTo("slot-7c1e");
        assertThat(e.units()).isEqualTo(28);
    }

    @Test
    void bookingApprovedExampleReads() {
        BookingApproved e = read(SeatRequestListener.APPROVED, BookingApproved.class);
        assertThat(e.bookingId()).isNotBlank();
        assertThat(e.slotId()).isEqualTo("slot-7c1e");
        assertThat(e.units()).isEqualTo(28);
        assertThat(e.approvedAt()).isNotNull();
    }

    @Test
    void bookingCancelledExpiredAndDeclinedExamplesRead() {
        BookingCancelled c = read(SeatRequestListener.CANCELLED, BookingCancelled.class);
        assertThat(c.bookingId()).isNotBlank();
        assertThat(c.slotId()).isEqualTo("slot-7c1e");
        assertThat(c.cancelledBy()).isEqualTo("OPERATOR");
        BookingExpired x = read(SeatRequestListener.EXPIRED, BookingExpired.class);
        assertThat(x.slotId()).isEqualTo("slot-7c1e");
        assertThat(x.bookingId()).isNotBlank();
        BookingDeclined d = read(SeatRequestListener.DECLINED, BookingDeclined.class);
        assertThat(d.slotId()).isEqualTo("slot-9a2d");
        assertThat(d.units()).isEqualTo(25);
    }

    @Test
    void theRegisteredTypesAreExactlyTheConsumedOnes() {
        var types = new SeatRequestListener.SeatRequestTypes().catalogSeatRequestTypes();
        assertThat(types.classFor(SeatRequestListener.REQUESTED)).isEqualTo(BookingRequested.class);
        assertThat(types.classFor(SeatRequestListener.RESIZE_REQUESTED)).isEqualTo(BookingResizeRequested.class);
        assertThat(types.classFor(SeatRequestListener.CONFIRMED)).isEqualTo(BookingConfirmed.class);
        assertThat(types.classFor(SeatRequestListener.APPROVED)).isEqualTo(BookingApproved.class);
        assertThat(types.classFor(SeatRequestListener.CANCELLED)).isEqualTo(BookingCancelled.class);
        assertThat(types.classFor(SeatRequestListener.EXPIRED)).isEqualTo(BookingExpired.class);
        assertThat(types.classFor(SeatRequestListener.DECLINED)).isEqualTo(BookingDeclined.class);
    }

    private <T> T read(String type, Class<T> clazz) {
        return json.readValue(Contracts.example(type), clazz);
    }

    private static void assertContract(OutboxEvent event, String type) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.topic()).isEqualTo("catalog.slots.v1");
        assertThat(event.key()).startsWith("slot-");
        Contracts.assertMatchesSchema(type, event.payload());
    }
}
