package ru.promtour.notification.message;

/**
 * Where a message is in its life: {@code QUEUED → SENDING → SENT}, or back to {@code QUEUED} after a
 * transient failure (with a later {@code nextAttemptAt}), or {@code FAILED} after the retry budget, a
 * permanent refusal, or a send whose outcome is unknown (crash mid-send). An admin resend puts a
 * {@code FAILED} or {@code SENT} message back to {@code QUEUED}. {@code SKIPPED}: nothing to send to, recorded so the
 * delivery log says why (an SMS to a group leader who gave no phone number); never sent, never resent.
 */
public enum MessageStatus {
    QUEUED, SENDING, SENT, FAILED, SKIPPED
}
