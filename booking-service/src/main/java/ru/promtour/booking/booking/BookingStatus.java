package ru.promtour.booking.booking;

/**
 * The lifecycle, named exactly as OCTO's {@code BookingStatus}. {@code PENDING} covers two waits: for the
 * catalog's answer after reserve ({@link Booking#seatOutcome()} still null) and for the enterprise's approval
 * at an on-request site ({@link Booking#awaitingApproval()}).
 */
public enum BookingStatus {
    PENDING, ON_HOLD, CONFIRMED, CANCELLED, EXPIRED, REJECTED;

    /** States that own or wait for seats. */
    public boolean live() {
        return this == PENDING || this == ON_HOLD || this == CONFIRMED;
    }
}
