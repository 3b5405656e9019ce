package ru.promtour.booking.booking.approval;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.BookingStore;
import ru.promtour.booking.booking.messaging.BookingEvents;
import ru.promtour.booking.ledger.SeatLedger;

/**
 * What an enterprise does with the bookings of its slots: list and read them, and at an on-request site approve
 * (the held seats become sold) or decline (they go back) a group.
 */
@Service
public class EnterpriseApprovals {

    private final BookingChanges changes;
    private final BookingStore store;
    private final BookingEvents events;
    private final SeatLedger ledger;

    EnterpriseApprovals(BookingChanges changes, BookingStore store, BookingEvents events, SeatLedger ledger) {
        this.changes = changes;
        this.store = store;
        this.events = events;
        this.ledger = ledger;
    }

    /**
     * The bookings of an enterprise's slots, newest start first.
     *
     * @param enterpriseId the calling enterprise; null for the platform admin (every enterprise)
     * @param status       a {@link BookingStatus} name, or null for all
     */
    public List<Booking> forEnterprise(String enterpriseId, String status, String slotId) {
        Criteria criteria = new Criteria();
        if (enterpriseId != null) {
            criteria.and("enterpriseId").is(enterpriseId);
        }
        if (status != null && !status.isBlank()) {
            try {
                criteria.and("status").is(BookingStatus.valueOf(status));
            }
            catch (IllegalArgumentException ex) {
                throw BookingRefusal.badRequest("status must be one of " + java.util.Arrays.toString(BookingStatus.values()));
            }
        }
        if (slotId != null && !slotId.isBlank()) {
            criteria.and("slotId").is(slotId);
        }
        return store.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "start")).limit(1000));
    }

    /** One booking of the enterprise's slots; another enterprise's is as unknown as a missing one. */
    public Booking ofEnterprise(String enterpriseId, String bookingId) {
        return store.byId(bookingId).filter(b -> enterpriseId == null || enterpriseId.equals(b.enterpriseId()))
                .orElseThrow(() -> BookingRefusal.unknownBooking(bookingId));
    }

    /** ON_REQUEST: the enterprise accepts the group → CONFIRMED + BookingApproved, the held seats sold. */
    public Booking approve(String enterpriseId, String bookingId) {
        Booking after = changes.change(() -> ofEnterprise(enterpriseId, bookingId), b -> {
            if (b.status() == BookingStatus.CONFIRMED && b.onRequest()) {
                return null;
            }
            if (!(b.status() == BookingStatus.PENDING && b.awaitingApproval())) {
                throw BookingRefusal.unprocessable("Only a booking awaiting approval can be approved; this one is " + b.status());
            }
            Instant now = changes.now();
            Booking changed = b.approved(now);
            return new BookingChanges.Change(changed, events.approved(changed, now));
        });
        ledger.confirm(after.slotId(), after.id(), changes.now());
        return after;
    }

    /** ON_REQUEST: the enterprise refuses the group → REJECTED + BookingDeclined, the seats back. */
    public Booking decline(String enterpriseId, String bookingId, String reason) {
        BookingRefusal.checkLength("reason", reason, 500);
        Booking after = changes.change(() -> ofEnterprise(enterpriseId, bookingId), b -> {
            if (b.status() == BookingStatus.REJECTED && b.declineReason() != null) {
                return null;
            }
            if (!(b.status() == BookingStatus.PENDING && b.awaitingApproval())) {
                throw BookingRefusal.unprocessable("Only a booking awaiting approval can be declined; this one is " + b.status());
            }
            Instant now = changes.now();
            Booking changed = b.declined(now, reason == null || reason.isBlank() ? "—" : reason.strip());
            return new BookingChanges.Change(changed, events.declined(changed, now));
        });
        ledger.release(after.slotId(), after.id(), "DECLINED", changes.now());
        return after;
    }
}
