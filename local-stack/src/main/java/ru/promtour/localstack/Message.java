package ru.promtour.localstack;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One email or SMS the platform sent, as the local stack caught it. This is both the line format of
 * {@code messages.jsonl} and the element of {@code GET /api/messages}.
 *
 * @param id         for an SMS the id the SMS API answered with; for an email a generated id
 * @param channel    {@code EMAIL} or {@code SMS}
 * @param from       the sender: the {@code From} address of an email, the {@code from} name of an SMS
 * @param to         one recipient: an email address (one message per recipient) or an E.164 number
 * @param subject    the email subject; {@code null} for an SMS
 * @param body       the text/plain part of an email (else its HTML without tags); the SMS text
 * @param receivedAt when the local stack received it
 */
@JsonPropertyOrder({"id", "channel", "from", "to", "subject", "body", "receivedAt"})
public record Message(String id, Channel channel, String from, String to, String subject, String body,
        Instant receivedAt) {

    /** How the message was delivered. */
    public enum Channel { EMAIL, SMS }

    /** Email addresses compare case-insensitively (as mail servers treat them); phone numbers exactly. */
    public boolean isFor(String recipient) {
        if (recipient == null || to == null) {
            return false;
        }
        return channel == Channel.EMAIL
                ? to.toLowerCase(Locale.ROOT).equals(recipient.trim().toLowerCase(Locale.ROOT))
                : to.equals(recipient.trim());
    }
}
