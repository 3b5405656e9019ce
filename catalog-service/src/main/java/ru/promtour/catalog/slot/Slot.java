package ru.promtour.catalog.slot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One start time of an excursion and its seat inventory. The catalog is the only writer of the counts.
 * <p>
 * The document is shaped for the seat saga: one conditional {@code findAndModify} (see
 * {@link SeatGuards}) holds seats ({@code held += n}, push to {@code holds}), converts a hold
 * ({@code $pull} from {@code holds}, push to {@code confirmedBookings}, move n from held to confirmed) or
 * releases it, and appends its event to the same document's outbox. {@code holds} stays bounded because
 * a hold leaves it once confirmed or released; {@code confirmedBookings} keeps what a later release of
 * sold seats needs. Every write increments {@code version}, so a read-decide-write (capacity, close,
 * cancel) can be made conditional on nothing having changed in between.
 *
 * @param start    the instant (UTC) the excursion begins
 * @param timeZone the enterprise's IANA zone at creation; local times are shown in it
 */
@Document(Slot.COLLECTION)
public record Slot(@Id String id, String excursionId, String enterpriseId, Instant start, String timeZone,
                   int capacity, int held, int confirmed, SlotStatus status, List<Hold> holds,
                   List<ConfirmedBooking> confirmedBookings, long version, String cancelReason,
                   Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "slots";

    public Slot {
        holds = holds == null ? List.of() : holds;
        confirmedBookings = confirmedBookings == null ? List.of() : confirmedBookings;
    }

    /** Seats that can still be held. Never negative, even if capacity was lowered by an admin fix. */
    public int available() {
        return Math.max(0, capacity - held - confirmed);
    }

    public OffsetDateTime localStart() {
        return start.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    /** Bookings that lose their seats if the slot is cancelled: current holds and confirmed bookings. */
    public List<String> affectedBookingIds() {
        return java.util.stream.Stream.concat(holds.stream().map(Hold::bookingId),
                confirmedBookings.stream().map(ConfirmedBooking::bookingId)).distinct().toList();
    }

    /** A temporary reservation of seats by a booking, until it is confirmed, released or expires. */
    public record Hold(String bookingId, int units, Instant heldAt) {
    }

    /** Seats sold to a booking; kept so a later cancellation can release exactly these. */
    public record ConfirmedBooking(String bookingId, int units, Instant confirmedAt) {
    }
}
