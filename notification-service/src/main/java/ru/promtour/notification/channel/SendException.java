package ru.promtour.notification.channel;

/**
 * A send that did not go through. {@link #permanent()} failures (an address the provider refuses, a
 * malformed message) are never retried; the others (5xx, connection failures, timeouts) are.
 */
public class SendException extends RuntimeException {

    private final boolean permanent;

    protected SendException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
