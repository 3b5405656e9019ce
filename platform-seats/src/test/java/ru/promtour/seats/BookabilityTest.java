package ru.promtour.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ru.promtour.seats.Bookability.Refusal;
import ru.promtour.seats.Bookability.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookabilityTest {

    static final Instant CUTOFF = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant BEFORE = CUTOFF.minus(Duration.ofDays(1));

    static Optional<Refusal> refusal(Status status, int capacity, int held, int confirmed, int units, Instant now) {
        return Bookability.refusal(status, CUTOFF, capacity, held, confirmed, units, now);
    }

    @Test
    void anOpenSlotBeforeItsCutoffTakesSeatsThatFit() {
        assertThat(refusal(Status.OPEN, 40, 5, 3, 32, BEFORE)).isEmpty();
    }

    @Test
    void exactlyFullFitsAndOneSeatMoreIsSoldOut() {
        assertThat(refusal(Status.OPEN, 10, 4, 3, 3, BEFORE)).isEmpty();
        assertThat(refusal(Status.OPEN, 10, 4, 3, 4, BEFORE)).contains(Refusal.SOLD_OUT);
        assertThat(refusal(Status.OPEN, 10, 10, 0, 1, BEFORE)).contains(Refusal.SOLD_OUT);
        assertThat(refusal(Status.OPEN, 0, 0, 0, 1, BEFORE)).contains(Refusal.SOLD_OUT);
    }

    @Test
    void aCapacityLoweredBelowTheSeatsTakenIsSoldOutAndFreeIsNeverNegative() {
        assertThat(refusal(Status.OPEN, 5, 4, 3, 1, BEFORE)).contains(Refusal.SOLD_OUT);
        assertThat(Bookability.free(5, 4, 3)).isZero();
        assertThat(Bookability.free(40, 5, 3)).isEqualTo(32);
    }

    @Test
    void theCutoffHasPassedFromItsFirstInstant() {
        assertThat(refusal(Status.OPEN, 40, 0, 0, 1, CUTOFF.minusNanos(1))).isEmpty();
        assertThat(refusal(Status.OPEN, 40, 0, 0, 1, CUTOFF)).contains(Refusal.CUTOFF_PASSED);
        assertThat(refusal(Status.OPEN, 40, 0, 0, 1, CUTOFF.plusSeconds(1))).contains(Refusal.CUTOFF_PASSED);
    }

    @Test
    void anUnknownCutoffCountsAsPassedLikeTheStoresFilter() {
        assertThat(Bookability.refusal(Status.OPEN, null, 40, 0, 0, 1, BEFORE)).contains(Refusal.CUTOFF_PASSED);
    }

    @Test
    void closedAndCancelledSlotsRefuseWhatever() {
        assertThat(refusal(Status.CLOSED, 40, 0, 0, 1, BEFORE)).contains(Refusal.CLOSED);
        assertThat(refusal(Status.CANCELLED, 40, 0, 0, 1, BEFORE)).contains(Refusal.CANCELLED);
    }

    @Test
    void theReasonsComeInTheOrderAReserveMeetsThem() {
        // cancelled beats closed-like reasons, the cut-off and the seats; closed beats the cut-off and the seats;
        // the cut-off beats the seats
        assertThat(refusal(Status.CANCELLED, 1, 1, 0, 5, CUTOFF)).contains(Refusal.CANCELLED);
        assertThat(refusal(Status.CLOSED, 1, 1, 0, 5, CUTOFF)).contains(Refusal.CLOSED);
        assertThat(refusal(Status.OPEN, 1, 1, 0, 5, CUTOFF)).contains(Refusal.CUTOFF_PASSED);
        assertThat(Refusal.values()).containsExactly(Refusal.CANCELLED, Refusal.CLOSED, Refusal.CUTOFF_PASSED,
                Refusal.SOLD_OUT);
    }

    @Test
    void onlySoldOutDependsOnTheSeatsAsked() {
        assertThat(Refusal.SOLD_OUT.anySize()).isFalse();
        assertThat(Refusal.CANCELLED.anySize()).isTrue();
        assertThat(Refusal.CLOSED.anySize()).isTrue();
        assertThat(Refusal.CUTOFF_PASSED.anySize()).isTrue();
    }

    @Test
    void aReserveAsksForAtLeastOneSeatAndLargeCountsDoNotOverflow() {
        assertThatThrownBy(() -> refusal(Status.OPEN, 40, 0, 0, 0, BEFORE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(refusal(Status.OPEN, Integer.MAX_VALUE, Integer.MAX_VALUE, 1, 1, BEFORE)).contains(Refusal.SOLD_OUT);
    }

    @Test
    void theCutoffIsTheStartMinusTheProgramsHours() {
        Instant start = Instant.parse("2026-12-01T02:00:00Z");
        assertThat(Bookability.cutoffAt(start, 2)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(Bookability.cutoffAt(start, 240)).isEqualTo("2026-11-21T02:00:00Z");
        assertThat(Bookability.cutoffAt(start, 0)).isEqualTo(start);
    }
}
