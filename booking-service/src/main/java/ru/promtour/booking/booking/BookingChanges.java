package ru.promtour.booking.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import ru.promtour.booking.catalog.CatalogProjection;
import ru.promtour.booking.catalog.ExcursionView;
import ru.promtour.booking.catalog.Program;
import ru.promtour.messaging.outbox.OutboxEvent;

/**
 * The one way a booking changes, shared by every use case: read, decide on the copy, write the copy plus its
 * events with a guard on the version read ({@link BookingStore#write}); when another write won, decide again on
 * the fresh document. So each transition happens once and emits its event once, however often a request is
 * repeated. Also what every use case needs around it (the clock, the program of a booking).
 */
@Component
public class BookingChanges {

    private static final int MAX_ATTEMPTS = 20;

    private final BookingStore store;
    private final CatalogProjection projection;
    private final Clock clock;

    BookingChanges(BookingStore store, CatalogProjection projection, Clock clock) {
        this.store = store;
        this.projection = projection;
        this.clock = clock;
    }

    /** A transition's outcome: the changed copy and the events it causes. */
    public record Change(Booking after, OutboxEvent... events) {
    }

    /**
     * Read, decide, write with the version guard; again when another write won. {@code decide} returns null
     * for "nothing to do" (the current booking is the answer) or throws a refusal. Null when {@code read} finds
     * nothing.
     */
    public Booking change(Supplier<Booking> read, Function<Booking, Change> decide) {
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

    public Booking byId(String id) {
        return store.byId(id).orElse(null);
    }

    /**
     * Now, at the store's precision (MongoDB keeps milliseconds), so a booking as decided — the answer, the event's
     * {@code octoBooking} — equals the booking as read back later.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public Program program(Booking b) {
        return projection.excursion(b.productId()).map(ExcursionView::program)
                .orElseThrow(() -> new IllegalStateException("Excursion " + b.productId() + " is missing from the projection"));
    }
}
