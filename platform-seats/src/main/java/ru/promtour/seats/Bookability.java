package ru.promtour.seats;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a slot takes a reserve of {@code units} more seats: the platform's one bookability rule — open, before
 * its booking cut-off, and the seats fit ({@code held + confirmed + units ≤ capacity}).
 * <p>
 * The seat ledger (booking-service) is the authority on seats: its hold is ONE conditional write whose filter is
 * the store-side form of this rule ({@code status OPEN, cutoffAt > now, $expr held + confirmed + n ≤ capacity}),
 * evaluated by the store at write time; this class names the reason when that write was refused, and checks a
 * resize. The catalog grades its read model of the ledger with the same rule (OCTO availability, the public
 * search and detail), so what operators and visitors are shown is what a reserve would meet, a few milliseconds
 * behind the ledger.
 * <p>
 * A slot's {@code cutoffAt} is computed once, by the catalog ({@link #cutoffAt(Instant, int)}), and travels in its
 * slot events; readers take it from there rather than recomputing it.
 */
public final class Bookability {

    /** A slot's status: OPEN takes reserves; CLOSED takes none until reopened; CANCELLED is final. */
    public enum Status { OPEN, CLOSED, CANCELLED }

    /** Why a slot refuses a reserve, in the order a reserve meets them: the first that applies is the answer. */
    public enum Refusal {
        CANCELLED, CLOSED, CUTOFF_PASSED, SOLD_OUT;

        /** Whether it refuses a reserve of any size: every reason but SOLD_OUT, which depends on the seats asked. */
        public boolean anySize() {
            return this != SOLD_OUT;
        }
    }

    private static final Optional<Refusal> CANCELLED = Optional.of(Refusal.CANCELLED);
    private static final Optional<Refusal> CLOSED = Optional.of(Refusal.CLOSED);
    private static final Optional<Refusal> CUTOFF_PASSED = Optional.of(Refusal.CUTOFF_PASSED);
    private static final Optional<Refusal> SOLD_OUT = Optional.of(Refusal.SOLD_OUT);

    private Bookability() {
    }

    /**
     * Why the slot refuses {@code units} more seats at {@code now}; empty when they fit.
     *
     * @param status   anything but OPEN refuses (CANCELLED before CLOSED)
     * @param cutoffAt the instant bookings close: from it on (inclusive) the cut-off has passed; unknown (null)
     *                 counts as passed, as in the store's filter, where a missing field is never greater than now
     * @param units    the seats asked for, at least 1
     */
    public static Optional<Refusal> refusal(Status status, Instant cutoffAt, int capacity, int held, int confirmed,
                                            int units, Instant now) {
        Objects.requireNonNull(now, "now");
        if (units < 1) {
            throw new IllegalArgumentException("A reserve asks for at least one seat, not " + units);
        }
        if (status == Status.CANCELLED) {
            return CANCELLED;
        }
        if (status != Status.OPEN) {
            return CLOSED;
        }
        if (cutoffAt == null || !now.isBefore(cutoffAt)) {
            return CUTOFF_PASSED;
        }
        if ((long) held + confirmed + units > capacity) {
            return SOLD_OUT;
        }
        return Optional.empty();
    }

    /**
     * A slot's booking cut-off: {@code cutoffHours} before its start. Hours of elapsed time, so the instant is the
     * same in every zone (on the enterprise's wall clock too, a DST change aside).
     */
    public static Instant cutoffAt(Instant start, int cutoffHours) {
        return start.minus(Duration.ofHours(cutoffHours));
    }

    /** Seats still free: capacity − held − confirmed, never negative (a capacity lowered below them by a fix). */
    public static int free(int capacity, int held, int confirmed) {
        return Math.max(0, capacity - held - confirmed);
    }
}
