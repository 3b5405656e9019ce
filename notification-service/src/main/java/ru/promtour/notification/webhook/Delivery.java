package ru.promtour.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event to one webhook, with every attempt. The body is rendered once, when queued, so every attempt (and a
 * redelivery) sends the same bytes; only the signature's timestamp is new each time.
 *
 * @param key          {@code eventId|webhookId}, unique: a redelivered Kafka record queues nothing new
 * @param orderKey     what deliveries keep their order by: the booking id, or the slot id for availability
 * @param sequence     the event's offset in its partition (a booking's or a slot's events share one): a delivery
 *                     waits while an earlier one of the same webhook and order key is PENDING or SENDING
 * @param attemptCount attempts that were started
 * @param sendingSince when the current SENDING claim started; fences the claim's outcome
 * @param giveUpAt     no attempt is scheduled after this (queued + {@code give-up-after}, 24 h)
 * @param attempts     the log of attempts, oldest first
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String key, String webhookId, String operatorId, WebhookEvent event,
                       String eventId, String orderKey, long sequence, String body, DeliveryStatus status,
                       int attemptCount, Instant nextAttemptAt, Instant sendingSince, Instant giveUpAt,
                       List<Attempt> attempts, String lastError, int redeliveries, Instant createdAt,
                       Instant updatedAt, Instant deliveredAt) {

    public static final String COLLECTION = "webhook_deliveries";
    /** Set (outside the record) once the retention removed the body: nothing is sent again. */
    public static final String REDACTED_AT = "redactedAt";

    /**
     * One attempt.
     *
     * @param httpStatus    the receiver's status, null when there was no answer
     * @param error         why it failed (null on success)
     * @param nextAttemptAt when the next attempt is due, null when none follows
     */
    public record Attempt(int number, Instant at, Integer httpStatus, String error, long durationMs,
                          Instant nextAttemptAt) {
    }
}
