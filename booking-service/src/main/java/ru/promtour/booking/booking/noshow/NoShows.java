package ru.promtour.booking.booking.noshow;

import java.time.Instant;
import java.util.Arrays;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import ru.promtour.booking.booking.Booking;
import ru.promtour.booking.booking.BookingChanges;
import ru.promtour.booking.booking.BookingRefusal;
import ru.promtour.booking.booking.BookingStatus;
import ru.promtour.booking.booking.NoShow;
import ru.promtour.booking.booking.approval.EnterpriseApprovals;
import ru.promtour.booking.booking.messaging.BookingEvents;

/**
 * Marks a confirmed group that did not come: once its visit has started and for {@code booking.no-show.mark-within}
 * after, by the enterprise of its slot (or the admin). One write of the booking with {@code BookingNoShow} in its
 * outbox; the status stays CONFIRMED and the seats stay sold. The same mark again changes nothing; another cause is
 * refused, so the event is sent once and means one thing.
 */
@Service
@EnableConfigurationProperties(NoShowProperties.class)
public class NoShows {

    /** The longest note the enterprise may write. */
    static final int NOTE_MAX = 500;

    private final BookingChanges changes;
    private final EnterpriseApprovals bookings;
    private final BookingEvents events;
    private final NoShowProperties properties;

    NoShows(BookingChanges changes, EnterpriseApprovals bookings, BookingEvents events, NoShowProperties properties) {
        this.changes = changes;
        this.bookings = bookings;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Marks the booking a no-show, or answers it as it is when it already carries this cause.
     *
     * @param enterpriseId the calling enterprise; null for the admin. Another enterprise's booking is unknown to it
     * @param markedBy     who marks it (the caller's token subject), kept on the booking
     * @throws BookingRefusal BAD_REQUEST for a missing or unknown cause or a long note, INVALID_BOOKING_UUID for an
     *                        unknown or foreign booking, UNPROCESSABLE_ENTITY (message starting with the reason) for a
     *                        booking that cannot be marked now
     */
    public Booking mark(String enterpriseId, String bookingId, String cause, String note, String markedBy) {
        NoShow.Cause wanted = cause(cause);
        BookingRefusal.checkLength("note", note, NOTE_MAX);
        String text = note == null || note.isBlank() ? null : note.strip();
        return changes.change(() -> bookings.ofEnterprise(enterpriseId, bookingId), b -> {
            if (b.noShow() != null) {
                if (b.noShow().cause() == wanted) {
                    return null;
                }
                throw BookingRefusal.unprocessable("ALREADY_MARKED: the booking is marked a no-show with cause "
                        + b.noShow().cause() + " since " + b.noShow().markedAt() + "; another cause is not accepted");
            }
            if (b.status() != BookingStatus.CONFIRMED) {
                throw BookingRefusal.unprocessable("NOT_CONFIRMED: only a confirmed booking can be a no-show; this one is "
                        + b.status() + (b.awaitingApproval() ? " (awaiting approval)" : ""));
            }
            Instant now = changes.now();
            if (now.isBefore(b.start())) {
                throw BookingRefusal.unprocessable("NOT_STARTED: the visit starts at " + b.start()
                        + "; a no-show can be marked once it has started");
            }
            Instant last = b.start().plus(properties.markWithin());
            if (now.isAfter(last)) {
                throw BookingRefusal.unprocessable("TOO_LATE: a no-show could be marked until " + last
                        + ", the end of the marking window after the visit's start");
            }
            Booking after = b.markedNoShow(new NoShow(wanted, text, now, markedBy));
            return new BookingChanges.Change(after, events.noShow(after));
        });
    }

    private static NoShow.Cause cause(String cause) {
        if (cause == null || cause.isBlank()) {
            throw BookingRefusal.badRequest("cause is required: one of " + Arrays.toString(NoShow.Cause.values()));
        }
        try {
            return NoShow.Cause.valueOf(cause.strip());
        }
        catch (IllegalArgumentException ex) {
            throw BookingRefusal.badRequest("cause must be one of " + Arrays.toString(NoShow.Cause.values()));
        }
    }
}
