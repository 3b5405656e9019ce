package ru.promtour.booking.booking.history;

import java.time.Instant;
import java.util.List;

/**
 * One booking of a previous registry as the admin imports it.
 *
 * @param uuid        the registry's id of the booking as a UUID: with {@code operatorId} the idempotency key
 * @param unitItems   the group by unit, e.g. 25 × {@code child} and 2 × {@code accompanying-adult}
 * @param outcome     VISITED (confirmed, the group came) or CANCELLED (confirmed, then cancelled)
 * @param cancelledBy CANCELLED only: OPERATOR or SUPPLIER
 */
public record PastBooking(String uuid, String operatorId, String operatorName, String slotId,
                          List<UnitQuantity> unitItems, String resellerReference, Instant bookedAt,
                          Instant confirmedAt, Outcome outcome, Instant cancelledAt, String cancelledBy,
                          String reason) {

    /** How the booking ended. */
    public enum Outcome { VISITED, CANCELLED }

    /** {@code quantity} places of the program's unit {@code unitId}. */
    public record UnitQuantity(String unitId, Integer quantity) {
    }

    public int units() {
        return unitItems == null ? 0 : unitItems.stream()
                .mapToInt(u -> u == null || u.quantity() == null ? 0 : u.quantity()).sum();
    }
}
