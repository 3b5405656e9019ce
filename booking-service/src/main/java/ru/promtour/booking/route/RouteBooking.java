package ru.promtour.booking.route;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An operator's booking of a route for one group on one date: the saga's record (collection {@value #COLLECTION}).
 * Each leg is an ordinary booking of its slot (the enterprise's manifest and approvals as for any group) whose id is
 * fixed before the saga starts, so every step can be repeated: a leg's reserve is idempotent by its uuid, its release
 * by its booking id.
 * <p>
 * States: HOLDING (legs being held) → ON_HOLD (every leg held) → PENDING (an on-request leg awaits its enterprise)
 * → CONFIRMED (every leg sold); or RELEASING (a leg refused: the held ones are being released) → FAILED; from a held
 * or sold route, CANCELLED or EXPIRED (every leg released).
 *
 * @param id             {@code OperatorBookings.bookingId(operatorId, uuid)}: the route booking's OCTO id
 * @param availabilityId the chain of slot ids the reseller booked ({@code slot~slot})
 * @param failure        why a FAILED route could not be held (the refusal a replay gets again)
 */
@Document(RouteBooking.COLLECTION)
public record RouteBooking(@Id String id, String uuid, String operatorId, String routeId, String title, String region,
                           String availabilityId, String localDate, int units, List<Leg> legs, Status status,
                           String requestHash, String supplierReference, String failure, Instant utcCreatedAt,
                           Instant utcUpdatedAt, Instant utcExpiresAt, Instant utcConfirmedAt, long version) {

    public static final String COLLECTION = "route_bookings";

    public enum Status {
        HOLDING, ON_HOLD, PENDING, CONFIRMED, RELEASING, FAILED, CANCELLED, EXPIRED;

        /** The saga is still running (or died running): the sweep finishes or compensates it after a grace. */
        public boolean inFlight() {
            return this == HOLDING || this == RELEASING;
        }

        /** Held or sold on every leg. */
        public boolean live() {
            return this == ON_HOLD || this == PENDING || this == CONFIRMED;
        }
    }

    /** One leg: its slot and the ordinary booking that holds it (uuid and id decided before the saga starts). */
    public record Leg(int position, String excursionId, String slotId, String uuid, String bookingId) {
    }

    RouteBooking with(Status status, Instant now, Instant expiresAt, Instant confirmedAt, String failure) {
        return new RouteBooking(id, uuid, operatorId, routeId, title, region, availabilityId, localDate, units, legs, status,
                requestHash, supplierReference, failure, utcCreatedAt, now, expiresAt, confirmedAt, version);
    }
}
