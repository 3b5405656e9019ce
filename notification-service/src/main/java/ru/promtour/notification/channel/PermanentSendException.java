package ru.promtour.notification.channel;

/** The provider refused the message for good (4xx, invalid address): retrying cannot help. */
public class PermanentSendException extends SendException {

    public PermanentSendException(String message, Throwable cause) {
        super(message, cause, true);
    }
}
