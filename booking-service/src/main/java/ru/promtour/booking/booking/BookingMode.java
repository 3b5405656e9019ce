package ru.promtour.booking.booking;

/** How a program confirms: INSTANT on the operator's confirm, ON_REQUEST only when the enterprise approves. */
public enum BookingMode {
    INSTANT, ON_REQUEST
}
