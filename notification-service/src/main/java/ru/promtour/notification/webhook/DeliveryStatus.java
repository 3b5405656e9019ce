package ru.promtour.notification.webhook;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its attempt (its {@code nextAttemptAt}, and the earlier deliveries of the same booking or slot). */
    PENDING,
    /** Claimed by one dispatcher, being sent. */
    SENDING,
    /** The receiver answered 2xx. Final. */
    DELIVERED,
    /** Given up (24 h of retries, or the outcome of an interrupted send is unknown). Final; an admin may redeliver. */
    FAILED
}
