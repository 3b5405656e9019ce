package ru.promtour.booking.booking;

/** How a program confirms: INSTANT on the operator's confirm, ON_REQUEST only when the enterprise approves. */
public enum BookingMode {
    INSTANT, ON_REQUEST;

    /** The catalog's {@code bookingMode}; anything but ON_REQUEST confirms at once. */
    public static BookingMode of(String catalogMode) {
        return "ON_REQUEST".equals(catalogMode) ? ON_REQUEST : INSTANT;
    }
}
