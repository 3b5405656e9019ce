package ru.promtour.booking.booking;

/**
 * The service does not take this request right now, with {@code Retry-After}: {@link #shed()} when admission
 * control turned it away (429, the platform is busy, not broken), otherwise a slot changing too fast to decide
 * (503).
 */
public class Overloaded extends RuntimeException {

    private final boolean shed;

    public Overloaded(String message) {
        this(message, false);
    }

    private Overloaded(String message, boolean shed) {
        super(message, null, false, false);
        this.shed = shed;
    }

    /** Turned away by admission control. */
    public static Overloaded shedding(String message) {
        return new Overloaded(message, true);
    }

    public boolean shed() {
        return shed;
    }
}
