package ru.promtour.booking.booking.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.config.BookingProperties;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.booking.ledger.LedgerStatus;
import ru.promtour.booking.ledger.SeatLedger;
import ru.promtour.booking.ledger.SeatLedger.Hold;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Offers seats that came back on a slot to its waitlist, oldest entry first: each entry whose group fits what it
 * may book (free sale plus its own allocation) gets the seats held for it — with its own booking id, so the
 * ledger's guard makes a seat offered once however many offer runs race (two instances, the event path and the
 * sweep) — and its booking turns ON_HOLD until the offer expires ({@code booking.waitlist.offer-ttl}), with
 * {@code booking.WaitlistOffered.v1} (the operator's e-mail and webhook). An offer not confirmed in time expires as
 * any hold, and that release makes the next offer. A smaller group further back may get seats a larger one ahead of
 * it cannot use (the first entries that fit).
 * <p>
 * Crash safety: a run that dies between the hold and the booking's write leaves a hold for a WAITLISTED booking;
 * the next run (the sweep at the latest) finds the hold (ALREADY) and finishes the offer. An entry that left the
 * waitlist meanwhile (cancelled) gets no offer: its hold is released at once.
 */
@Service
public class Waitlists {

    private static final Logger log = LoggerFactory.getLogger(Waitlists.class);
    private static final int BATCH = 200;

    private final BookingStore store;
    private final BookingChanges changes;
    private final BookingEvents events;
    private final SeatLedger seats;
    private final BookingProperties properties;

    Waitlists(BookingStore store, BookingChanges changes, BookingEvents events, SeatLedger seats,
              BookingProperties properties) {
        this.store = store;
        this.changes = changes;
        this.events = events;
        this.seats = seats;
        this.properties = properties;
    }

    /** How long an offer's seats stay held, in minutes (what the operator is told when it joins). */
    public int offerMinutes() {
        return (int) properties.waitlist().offerTtl().toMinutes();
    }

    /** The booking's place among the slot's waiting entries (1 = next to get an offer that fits). */
    public int position(Booking b) {
        long ahead = store.find(waiting(b.slotId())).stream()
                .takeWhile(w -> !w.id().equals(b.id())).count();
        return (int) ahead + 1;
    }

    /** Whether the slot has anyone waiting (one indexed read: the common case of a release is no). */
    public boolean anyoneWaiting(String slotId) {
        return !store.find(Query.query(where("slotId").is(slotId).and("status").is(BookingStatus.WAITLISTED)).limit(1))
                .isEmpty();
    }

    /** Offers what the slot's ledger has free to its waiting entries in order; returns how many offers this run made. */
    public int offer(String slotId) {
        List<Booking> waiting = store.find(waiting(slotId).limit(BATCH));
        if (waiting.isEmpty()) {
            return 0;
        }
        Optional<Ledger> read = seats.find(slotId);
        if (read.isEmpty()) {
            return 0;
        }
        Ledger ledger = read.get();
        int offered = 0;
        int position = 0;
        for (Booking b : waiting) {
            position++;
            Instant now = changes.now();
            if (ledger.status() != LedgerStatus.OPEN || !now.isBefore(ledger.cutoffAt())) {
                break;
            }
            if (b.units() > ledger.availableTo(b.operatorId())) {
                continue;
            }
            Hold hold = seats.holdOffered(slotId, b.operatorId(), b.id(), b.units(), b.requestHash(), now);
            switch (hold.result()) {
                case HELD, ALREADY -> {
                    if (offered(b, position, now)) {
                        offered++;
                    }
                }
                case SOLD_OUT, BUSY -> { }
                default -> {
                    return offered; // closed, cancelled, past the cut-off: nobody gets an offer now
                }
            }
            ledger = hold.ledger() != null && hold.result() == SeatLedger.HoldResult.HELD ? hold.ledger()
                    : seats.find(slotId).orElse(ledger);
        }
        return offered;
    }

    /** WAITLISTED → ON_HOLD with its event; false when the entry left the waitlist (its hold is then released). */
    private boolean offered(Booking entry, int position, Instant now) {
        Instant expiresAt = now.plus(properties.waitlist().offerTtl());
        Booking after = changes.change(() -> store.byId(entry.id()).orElse(null), b -> {
            if (b.status() != BookingStatus.WAITLISTED) {
                return null;
            }
            Booking changed = b.offered(now, expiresAt);
            return new BookingChanges.Change(changed, events.waitlistOffered(changed, position, now));
        });
        if (after == null || !after.status().live() || !entry.slotId().equals(after.slotId())) {
            seats.release(entry.slotId(), entry.id(), "ORPHANED", now);
            return false;
        }
        boolean made = after.status() == BookingStatus.ON_HOLD && after.waitlist() != null
                && now.equals(after.waitlist().offeredAt());
        if (made) {
            log.info("Waitlist offer: booking {} of operator {} holds {} seat(s) on slot {} until {}", after.id(),
                    after.operatorId(), after.units(), after.slotId(), expiresAt);
        }
        return made;
    }

    /**
     * The sweep: offers on every slot with waiting entries (what the event path missed: a lost event, a crash, seats
     * that came back by a capacity raise on another instance), and ends the entries of slots that took their last
     * booking (cut-off passed, closed for good or cancelled are handled by their own paths): EXPIRED with its event.
     */
    public int sweep() {
        Instant now = changes.now();
        List<String> slots = store.find(Query.query(where("status").is(BookingStatus.WAITLISTED)).limit(1000)).stream()
                .map(Booking::slotId).distinct().toList();
        int offered = 0;
        for (String slotId : slots) {
            Optional<Ledger> ledger = seats.find(slotId);
            if (ledger.isPresent() && !now.isBefore(ledger.get().cutoffAt())) {
                expireEntries(slotId, now);
            }
            else {
                offered += offer(slotId);
            }
        }
        return offered;
    }

    /** The slot's bookings closed before seats came back: its entries end EXPIRED (the operator is told). */
    private void expireEntries(String slotId, Instant now) {
        for (Booking entry : store.find(waiting(slotId))) {
            changes.change(() -> store.byId(entry.id()).orElse(null), b -> {
                if (b.status() != BookingStatus.WAITLISTED) {
                    return null;
                }
                Booking changed = b.expired(now);
                return new BookingChanges.Change(changed, events.expired(changed, now));
            });
        }
    }

    private static Query waiting(String slotId) {
        return Query.query(where("slotId").is(slotId).and("status").is(BookingStatus.WAITLISTED))
                .with(Sort.by("utcCreatedAt", "_id"));
    }
}
