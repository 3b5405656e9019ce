package ru.promtour.booking.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.messaging.outbox.OutboxEvent;

/**
 * The one way a booking changes, shared by every use case: read, decide on the copy, write the copy plus its
 * events with a guard on the version read ({@link BookingStore#write}); when another write won, decide again on
 * the fresh document. So each transition happens once and emits its event once, however often a request is
 * repeated. Also the small rules every use case needs (hold length, cut-offs, the program of a booking).
 */
@Component
class BookingChanges {

    private static final int MAX_ATTEMPTS = 20;

    private final BookingStore store;
    private final CatalogProjection projection;
    private final BookingProperties properties;
    private final Clock clock;

    BookingChanges(BookingStore store, CatalogProjection projection, BookingProperties properties, Clock clock) {
        this.store = store;
        this.projection = projection;
        this.properties = properties;
        this.clock = clock;
    }

    /** A transition's outcome: the changed copy and the events it causes. */
    record Change(Booking after, OutboxEvent... events) {
    }

    /**
     * Read, decide, write with the version guard; again when another write won. {@code decide} returns null
     * for "nothing to do" (the current booking is the answer) or throws a refusal. Null when {@code read} finds
     * nothing.
     */
    Booking change(Supplier<Booking> read, Function<Booking, Change> decide) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Booking before = read.get();
            if (before == null) {
                return null;
            }
            Change change = decide.apply(before);
            if (change == null) {
                return before;
            }
            Optional<Booking> after = store.write(before, change.after(), change.events());
            if (after.isPresent()) {
                return after.get();
            }
        }
        throw new IllegalStateException("Booking changed too often to apply the change; retry");
    }

    Booking byId(String id) {
        return store.byId(id).orElse(null);
    }

    Instant now() {
        return clock.instant();
    }

    /** When a hold taken now runs out: the operator's wish, at most the configured maximum. */
    Instant expiry(Instant now, Integer minutes) {
        int wanted = minutes == null ? properties.hold().defaultMinutes() : minutes;
        return now.plus(Duration.ofMinutes(Math.min(wanted, properties.hold().maxMinutes())));
    }

    /** OCTO's {@code cancellable}: live, and before the cut-off once seats are sold or awaiting approval. */
    boolean cancellable(Booking b) {
        if (!b.status().live()) {
            return false;
        }
        return !b.soldOrAwaitingApproval() || clock.instant().isBefore(cancellationCutoff(b));
    }

    Instant cancellationCutoff(Booking b) {
        return ReservationRules.cutoff(b.start(), b.timeZone(), program(b).cancellationCutoffHours());
    }

    Program program(Booking b) {
        return projection.excursion(b.productId()).map(ExcursionView::program)
                .orElseThrow(() -> new IllegalStateException("Excursion " + b.productId() + " is missing from the projection"));
    }
}
