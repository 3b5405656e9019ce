package ru.promtour.catalog.slot;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotTest {

    private static Slot slot(int capacity, int held, int confirmed) {
        return new Slot("slot-1", "exc-1", "ent-1", Instant.parse("2026-12-01T02:00:00Z"), "Asia/Irkutsk",
                Instant.parse("2026-12-01T00:00:00Z"), capacity, held, confirmed, SlotStatus.OPEN, 1, 7L, null,
                List.of(new Slot.PendingChange("req-2", SlotChange.CLOSE, null, null, "Ремонт", Instant.EPOCH)),
                List.of(new Slot.ChangeAnswer("req-1", SlotChange.CAPACITY, false, "BELOW_HELD_PLUS_CONFIRMED", null,
                        2, held, confirmed, Instant.EPOCH)), Instant.EPOCH, Instant.EPOCH);
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
    void aRequestIsEitherPendingOrAnswered() {
        Slot slot = slot(40, 3, 5);
        assertThat(slot.pending("req-2")).isPresent();
        assertThat(slot.answer("req-2")).isEmpty();
        assertThat(slot.pending("req-1")).isEmpty();
        assertThat(slot.answer("req-1")).hasValueSatisfying(a -> assertThat(a.applied()).isFalse());
    }

    @Test
    void aSlotReadWithoutItsChangeListsHasEmptyOnes() {
        Slot slot = new Slot("slot-1", "exc-1", "ent-1", Instant.EPOCH, "UTC", null, 1, 0, 0, SlotStatus.OPEN, 1, 0L, null,
                null, null, Instant.EPOCH, Instant.EPOCH);
        assertThat(slot.pendingChanges()).isEmpty();
        assertThat(slot.changeAnswers()).isEmpty();
    }
}
