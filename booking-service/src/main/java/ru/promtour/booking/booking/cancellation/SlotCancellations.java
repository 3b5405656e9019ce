package ru.promtour.booking.booking.cancellation;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.Cancellation;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.ledger.SeatLedger;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The enterprise cancelled a slot and the ledger applied it: every live booking there is cancelled by the supplier. */
@Service
public class SlotCancellations {

    private final BookingChanges changes;
    private final BookingStore store;
    private final BookingEvents events;
    private final SeatLedger ledger;

    SlotCancellations(BookingChanges changes, BookingStore store, BookingEvents events, SeatLedger ledger) {
        this.changes = changes;
        this.store = store;
        this.events = events;
        this.ledger = ledger;
    }

    /**
     * Cancels (supplier) every live booking on the slot, each with its event and its seats released. Repeating it
     * (a redelivered request) cancels nothing twice. Returns how many this call cancelled.
     */
    public int cancelAll(String slotId, String reason) {
        String why = "Supplier cancellation" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        String text = why.length() > 500 ? why.substring(0, 500) : why;
        int cancelled = 0;
        List<Booking> live = store.find(Query.query(where("slotId").is(slotId)
                .and("status").in(BookingStatus.PENDING, BookingStatus.ON_HOLD, BookingStatus.CONFIRMED,
                        BookingStatus.WAITLISTED)));
        for (Booking found : live) {
            AtomicBoolean done = new AtomicBoolean();
            Booking after = changes.change(() -> changes.byId(found.id()), b -> {
                done.set(b.status().live());
                if (!done.get()) {
                    return null;
                }
                Instant now = changes.now();
                Booking changed = b.cancelled(now, text, Cancellation.SUPPLIER);
                return new BookingChanges.Change(changed, events.cancelled(changed, now));
            });
            if (after != null && after.status() == BookingStatus.CANCELLED) {
                ledger.release(slotId, after.id(), "CANCELLED", changes.now());
            }
            if (done.get()) {
                cancelled++;
            }
        }
        return cancelled;
    }
}
