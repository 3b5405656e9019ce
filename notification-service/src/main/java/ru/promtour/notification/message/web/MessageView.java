package ru.promtour.notification.message.web;

import java.time.Instant;

import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.MessageStatus;
import ru.promtour.notification.message.Recipients;
import ru.promtour.notification.message.Role;

/**
 * One delivery log entry as the API shows it: the recipient masked, no message body (it may carry other
 * people's data, e.g. the group leader's name in the enterprise's copy).
 */
public record MessageView(String id, String bookingId, String eventType, Role role, Channel channel, String recipient,
                          String template, String locale, String subject, MessageStatus status, int attempts,
                          String providerMessageId, String lastError, int resends, Instant createdAt,
                          Instant updatedAt, Instant sentAt) {

    static MessageView of(Message m) {
        return new MessageView(m.id(), m.bookingId(), m.eventType(), m.role(), m.channel(), Recipients.mask(m.recipient()),
                m.template(), m.locale(), m.subject(), m.status(), m.attempts(), m.providerMessageId(), m.lastError(),
                m.resends(), m.createdAt(), m.updatedAt(), m.sentAt());
    }
}
