package ru.promtour.booking.booking;

/** The service cannot take this request right now (shed load, or a slot changing too fast): 503 with Retry-After. */
public class Overloaded extends RuntimeException {

    public Overloaded(String message) {
        super(message, null, false, false);
    }
}
