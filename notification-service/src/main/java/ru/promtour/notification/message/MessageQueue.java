package ru.promtour.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.outbox.OutboxTracing;
import ru.promtour.notification.event.Visit;
import ru.promtour.notification.template.MessageRenderer;
import ru.promtour.notification.template.Rendered;

/**
 * Turns intents into QUEUED messages: works out each recipient's addresses and language, renders the
 * text once, and inserts one document per message under the unique idempotency key
 * {@code eventId|channel|recipient}. Nothing is sent here: this runs on the Kafka listener thread,
 * which must never wait for SMTP or the SMS provider.
 */
@Component
public class MessageQueue {

    private static final Logger log = LoggerFactory.getLogger(MessageQueue.class);

    private final MessageLog messages;
    private final MessageRenderer renderer;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicBoolean operatorEmailMissingLogged = new AtomicBoolean();

    public MessageQueue(MessageLog messages, MessageRenderer renderer, ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.renderer = renderer;
        this.events = events;
        this.clock = clock;
    }

    /** Queues the messages of one intent; returns how many are new (0 for a redelivered event). */
    public int queue(Intent intent) {
        Visit visit = intent.visit();
        int queued = 0;
        switch (intent.role()) {
            case GROUP_LEADER -> {
                Visit.Contact contact = visit.contact();
                if (contact == null) {
                    return 0;
                }
                Locale locale = MessageRenderer.localeOf(contact.locale());
                queued += email(intent, contact.emailAddress(), locale, contact.fullName());
                if (intent.template().hasSms()) {
                    queued += sms(intent, contact.phoneNumber(), locale, contact.fullName());
                }
            }
            case OPERATOR -> {
                Visit.Operator operator = visit.operator();
                if (operator == null || operator.email() == null || operator.email().isBlank()) {
                    if (operatorEmailMissingLogged.compareAndSet(false, true)) {
                        log.info("Events carry no operator email yet (visit.operator.email): operator messages are skipped");
                    }
                    return 0;
                }
                queued += email(intent, operator.email(), MessageRenderer.RUSSIAN, operator.name());
            }
            case ENTERPRISE -> queued += email(intent, visit.enterprise().email(), MessageRenderer.RUSSIAN, null);
        }
        return queued;
    }

    /** Tells the dispatcher that messages wait; call once after a batch of {@link #queue}. */
    public void announce(int count) {
        if (count > 0) {
            events.publishEvent(new MessagesQueued(count));
        }
    }

    private int email(Intent intent, String address, Locale locale, String name) {
        if (address == null || address.isBlank()) {
            return 0;
        }
        Optional<String> recipient = Recipients.email(address);
        Rendered rendered = renderer.email(intent.template(), locale, intent.visit(), name, intent.details());
        return insert(intent, Channel.EMAIL, recipient.orElse(address.trim()), locale, rendered,
                recipient.isEmpty() ? "not a valid email address" : null);
    }

    /** The phone is optional (OCTO): without one the SMS is logged SKIPPED, so the log says why none went out. */
    private int sms(Intent intent, String phone, Locale locale, String name) {
        Rendered rendered = renderer.sms(intent.template(), locale, intent.visit(), name, intent.details());
        if (phone == null || phone.isBlank()) {
            return insert(intent, Channel.SMS, "", locale, rendered, MessageStatus.SKIPPED, "no phone number");
        }
        Optional<String> recipient = Recipients.phone(phone);
        return insert(intent, Channel.SMS, recipient.orElse(phone.trim()), locale, rendered,
                recipient.isEmpty() ? "not a phone number in E.164 format" : null);
    }

    /** An address that can never work is logged as FAILED at once: visible in the log, never retried. */
    private int insert(Intent intent, Channel channel, String recipient, Locale locale, Rendered rendered, String invalid) {
        return insert(intent, channel, recipient, locale, rendered,
                invalid == null ? MessageStatus.QUEUED : MessageStatus.FAILED, invalid);
    }

    /** Logs the message; only a QUEUED one counts as queued (the others are never sent). */
    private int insert(Intent intent, Channel channel, String recipient, Locale locale, Rendered rendered,
                       MessageStatus status, String reason) {
        Instant now = clock.instant();
        Visit visit = intent.visit();
        Message message = new Message(UUID.randomUUID().toString(), key(intent.eventId(), channel, recipient),
                intent.eventId(), intent.eventType(), intent.bookingId(),
                visit.operator() == null ? null : visit.operator().id(), visit.enterprise().id(), intent.role(), channel,
                recipient, locale.getLanguage(), intent.template().fileName(), rendered.subject(), rendered.text(),
                rendered.html(), status, 0, now, null, null, reason, now, now, null, 0, OutboxTracing.currentTraceparent());
        boolean inserted = messages.insert(message);
        if (!inserted) {
            log.debug("Message {} exists already (redelivered event)", message.key());
        }
        return inserted && status == MessageStatus.QUEUED ? 1 : 0;
    }

    /** The idempotency key: one message per event, channel and recipient. */
    static String key(String eventId, Channel channel, String recipient) {
        return eventId + "|" + channel + "|" + recipient;
    }
}
