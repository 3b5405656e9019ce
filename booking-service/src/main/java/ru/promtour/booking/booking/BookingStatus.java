package ru.promtour.booking.booking;

/**
 * The lifecycle, named exactly as OCTO's {@code BookingStatus}. {@code PENDING} is the wait for the enterprise's
 * approval at an on-request site ({@link Booking#awaitingApproval()}); the seats stay held meanwhile. (Before the
 * seat ledger moved into this service, PENDING also meant "waiting for the catalog's answer".) {@code WAITLISTED} is
 * ours: on a sold-out slot's waitlist, no seats; OCTO shows it PENDING ({@link Booking#octoStatus()}).
 */
public enum BookingStatus {
    PENDING, ON_HOLD, CONFIRMED, CANCELLED, EXPIRED, REJECTED, WAITLISTED;

    /** States that own or wait for seats (the waitlist waits without any: cancellable, nothing to release). */
    public boolean live() {
        return this == PENDING || this == ON_HOLD || this == CONFIRMED || this == WAITLISTED;
    }
}
