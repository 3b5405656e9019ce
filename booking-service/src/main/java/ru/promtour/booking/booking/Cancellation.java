package ru.promtour.booking.booking;

import java.time.Instant;

/**
 * OCTO's {@code BookingCancellation} plus who cancelled.
 *
 * @param refund      FULL, PARTIAL or NONE
 * @param cancelledBy OPERATOR or SUPPLIER
 */
public record Cancellation(String refund, String reason, Instant utcCancelledAt, String cancelledBy) {

    public static final String OPERATOR = "OPERATOR";
    public static final String SUPPLIER = "SUPPLIER";
}
