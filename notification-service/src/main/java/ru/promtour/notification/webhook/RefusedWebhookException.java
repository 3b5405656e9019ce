package ru.promtour.notification.webhook;

/** A webhook request that cannot be accepted (bad URL, refused address, unknown event): a 400 naming why. */
public class RefusedWebhookException extends RuntimeException {

    public RefusedWebhookException(String message) {
        super(message);
    }
}
