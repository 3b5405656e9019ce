package ru.promtour.catalog.slot;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotTest {

    private static Slot slot(int capacity, int held, int confirmed) {
        return new Slot("slot-1", "exc-1", "ent-1", Instant.parse("2026-12-01T02:00:00Z"), "Asia/Irkutsk", capacity,
                held, confirmed, SlotStatus.OPEN,
                List.of(new Slot.Hold("bk-1", 2, Instant.EPOCH), new Slot.Hold("bk-2", 1, Instant.EPOCH)),
                List.of(new Slot.ConfirmedBooking("bk-3", 5, Instant.EPOCH)), 1, null, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void availableIsCapacityMinusHeldAndConfirmedAndNeverNegative() {
        assertThat(slot(40, 3, 5).available()).isEqualTo(32);
        assertThat(slot(5, 3, 5).available()).isZero();
    }

    @Test
    void localStartIsInTheEnterprisesZone() {
        assertThat(slot(40, 0, 0).localStart().toString()).isEqualTo("2026-12-01T10:00+08:00");
    }

    @Test
    void cancellingAffectsEveryHoldingAndEveryConfirmedBooking() {
        assertThat(slot(40, 3, 5).affectedBookingIds()).containsExactly("bk-1", "bk-2", "bk-3");
    }

    @Test
    void theHoldGuardChecksOpenNotAlreadyHoldingAndFitsCapacity() {
        assertThat(SeatGuards.hold("slot-1", "bk-9", 4).toJson())
                .contains("\"status\": \"OPEN\"", "\"holds.bookingId\": {\"$ne\": \"bk-9\"}",
                        "\"$add\": [\"$held\", \"$confirmed\", 4]", "\"$capacity\"");
    }
}
