package ru.promtour.booking.booking.expiry;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.ledger.SeatLedger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Holds that ran out: EXPIRED with its event, then the seats back to the ledger (exactly once, by its entry). */
@Service
public class HoldExpiry {

    private final BookingChanges changes;
    private final BookingStore store;
    private final BookingEvents events;
    private final SeatLedger ledger;

    HoldExpiry(BookingChanges changes, BookingStore store, BookingEvents events, SeatLedger ledger) {
        this.changes = changes;
        this.store = store;
        this.events = events;
        this.ledger = ledger;
    }

    /** Expires every hold whose time ran out (at most {@code limit}); returns how many. */
    public int expireDue(int limit) {
        Instant now = changes.now();
        List<Booking> due = store.find(Query.query(where("status").is(BookingStatus.ON_HOLD).and("utcExpiresAt").lte(now))
                .limit(limit));
        int expired = 0;
        for (Booking b : due) {
            if (expire(b.id())) {
                expired++;
            }
        }
        return expired;
    }

    /** ON_HOLD and run out → EXPIRED + BookingExpired, seats released; anything else: nothing. True when this call expired it. */
    public boolean expire(String bookingId) {
        AtomicBoolean expired = new AtomicBoolean();
        Booking after = changes.change(() -> changes.byId(bookingId), b -> {
            Instant now = changes.now();
            expired.set(b.holdRunOut(now));
            if (!expired.get()) {
                return null;
            }
            Booking changed = b.expired(now);
            return new BookingChanges.Change(changed, events.expired(changed, now));
        });
        if (after != null && after.status() == BookingStatus.EXPIRED) {
            ledger.release(after.slotId(), after.id(), "EXPIRED", changes.now());
        }
        return expired.get();
    }
}
