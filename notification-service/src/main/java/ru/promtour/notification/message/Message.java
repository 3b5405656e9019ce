package ru.promtour.notification.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One message to one person over one channel, and its delivery log entry. Rendered once when queued,
 * so a retry or a resend sends exactly what was first decided.
 *
 * @param id                our message id (UUID), also the SMTP {@code Message-ID} local part
 * @param key               idempotency key {@code eventId|channel|recipient}, unique: a redelivered event
 *                          cannot queue a second copy
 * @param eventId           the {@code ce_id} that caused it, or a reminder's synthetic id
 * @param recipient         normalized address: lower-case email or E.164 phone
 * @param attempts          sends that reached the provider (or were cut short by it)
 * @param sendingSince      when the current {@code SENDING} claim started; a claim older than the
 *                          lease is a send whose outcome is unknown
 * @param providerMessageId the SMS provider's id, or the email's {@code Message-ID}
 * @param lastError         why the last attempt failed
 * @param resends           how many times an admin resent it
 * @param traceparent       the W3C trace context of the event's handling: the send, a later poll on another
 *                          thread, continues that trace
 */
@Document(Message.COLLECTION)
public record Message(@Id String id, String key, String eventId, String eventType, String bookingId,
                      String operatorId, String enterpriseId, Role role, Channel channel, String recipient,
                      String locale, String template, String subject, String text, String html,
                      MessageStatus status, int attempts, Instant nextAttemptAt, Instant sendingSince,
                      String providerMessageId, String lastError, Instant createdAt, Instant updatedAt,
                      Instant sentAt, int resends, String traceparent) {

    public static final String COLLECTION = "messages";
    /** Set (outside the record) once the retention removed the body and full recipient: nothing is sent again. */
    public static final String REDACTED_AT = "redactedAt";

    /**
     * What names this send to the provider (the SMS {@code Idempotency-Key}, the email's {@code Message-ID}): the same
     * for every try of it, so a send repeated after a timeout or a crash reaches the person once; an admin's resend is
     * a new send and gets its own.
     */
    public String deliveryKey() {
        return resends == 0 ? id : id + "-resend-" + resends;
    }
}
