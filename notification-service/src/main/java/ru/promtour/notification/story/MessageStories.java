package ru.promtour.notification.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import ru.promtour.messaging.outbox.OutboxTracing;
import ru.promtour.notification.booking.Bookings;
import ru.promtour.notification.message.Message;
import ru.promtour.notification.message.Recipients;
import ru.promtour.notification.webhook.Delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Reads a booking's messages and webhook deliveries for its story. The documents are read raw: a message's
 * {@code traceparent} (the trace of the event that caused it) is not part of {@link Message} everywhere yet, and a
 * message whose personal data the retention removed must still show (masked, as retention left it).
 */
@Service
public class MessageStories {

    /** Addresses and long digit runs that an error text from a provider may quote. */
    private static final Pattern PERSONAL = Pattern.compile("[^\\s<>\"']+@[^\\s<>\"']+|\\+?\\d[\\d ()-]{5,}\\d");

    private final MongoOperations mongo;
    private final Bookings bookings;

    public MessageStories(MongoOperations mongo, Bookings bookings) {
        this.mongo = mongo;
        this.bookings = bookings;
    }

    /** The booking's messages and deliveries, oldest first; empty when this service knows nothing of the booking. */
    public Optional<MessageStory> of(String bookingId) {
        List<MessageStory.Entry> events = new ArrayList<>();
        mongo.find(query(where("bookingId").is(bookingId)).with(Sort.by("createdAt")), Document.class, Message.COLLECTION)
            .forEach(m -> events.add(message(m)));
        // a booking's deliveries keep their order by its id (orderKey)
        mongo.find(query(where("orderKey").is(bookingId)).with(Sort.by("createdAt")), Document.class, Delivery.COLLECTION)
            .forEach(d -> events.add(delivery(d)));
        if (events.isEmpty() && bookings.find(bookingId).isEmpty()) {
            return Optional.empty();
        }
        events.sort(Comparator.comparing(MessageStory.Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        List<String> traceIds = events.stream().map(MessageStory.Entry::traceId).filter(Objects::nonNull).distinct().toList();
        return Optional.of(new MessageStory(bookingId, traceIds, List.copyOf(events)));
    }

    private static MessageStory.Entry message(Document m) {
        String recipient = m.getString("recipient");
        Map<String, Object> detail = detail(
                "messageId", m.get("_id") == null ? null : m.get("_id").toString(),
                "eventId", m.getString("eventId"),
                "role", m.getString("role"),
                "channel", m.getString("channel"),
                // masked once more: retention stores the masked form, which masking leaves as it is
                "recipient", recipient == null ? null : Recipients.mask(recipient),
                "status", m.getString("status"),
                "attempts", m.get("attempts"),
                "resends", m.get("resends"),
                "createdAt", instant(m.get("createdAt")),
                "sentAt", instant(m.get("sentAt")),
                "nextAttemptAt", instant(m.get("nextAttemptAt")),
                "lastError", errorKind(m.getString("lastError")));
        return new MessageStory.Entry(instant(m.get("createdAt")), MessageStory.SOURCE, "message", m.getString("eventType"),
                detail, OutboxTracing.traceId(m.getString("traceparent")));
    }

    private static MessageStory.Entry delivery(Document d) {
        List<Document> attempts = d.getList("attempts", Document.class, List.of());
        Object lastStatus = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).get("httpStatus");
        Map<String, Object> detail = detail(
                "deliveryId", d.get("_id") == null ? null : d.get("_id").toString(),
                "eventId", d.getString("eventId"),
                "webhookId", d.getString("webhookId"),
                "status", d.getString("status"),
                "attempts", d.get("attemptCount"),
                "lastHttpStatus", lastStatus,
                "deliveredAt", instant(d.get("deliveredAt")),
                "redeliveries", d.get("redeliveries"),
                "lastError", errorKind(d.getString("lastError")));
        return new MessageStory.Entry(instant(d.get("createdAt")), MessageStory.SOURCE, "webhook",
                d.getString("event"), detail, OutboxTracing.traceId(d.getString("traceparent")));
    }

    /**
     * What kind of failure it was, without what a provider may have quoted: the text before its first colon (e.g.
     * {@code SMTP send failed}, or {@code gave up after 6 attempts} and the kind after it), addresses and numbers masked.
     */
    static String errorKind(String error) {
        if (error == null || error.isBlank()) {
            return null;
        }
        String[] parts = error.split(":\\s*", 3);
        String kind = parts[0].startsWith("gave up") && parts.length > 1 ? parts[0] + ": " + parts[1] : parts[0];
        kind = PERSONAL.matcher(kind).replaceAll("***").strip();
        return kind.length() <= 120 ? kind : kind.substring(0, 120) + "…";
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                detail.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return detail;
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
