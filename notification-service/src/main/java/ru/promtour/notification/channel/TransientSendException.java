package ru.promtour.notification.channel;

/** Worth another try: the provider answered 5xx or 429, or could not be reached or did not answer in time. */
public class TransientSendException extends SendException {

    public TransientSendException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
