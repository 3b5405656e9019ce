package ru.promtour.messaging.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;

import org.bson.Document;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pending event in an aggregate's {@code outbox} array: everything the relay needs to publish it
 * later, from another thread or another process, without knowing the service's classes.
 * <p>
 * The payload is stored as JSON text and sent byte for byte, so a re-publish after a crash carries
 * the same body and the same {@code ce_id} as the first attempt (that is what lets consumers
 * deduplicate). Times are kept to the millisecond because that is what MongoDB stores.
 * <p>
 * Stored shape: {@code {_id, type, topic, key, subject, time: Date, payload, traceparent}} — the same shape
 * Spring Data would write for this record, so an aggregate class may map {@code List<OutboxEvent> outbox}.
 *
 * @param id      UUID, becomes {@code ce_id}
 * @param type    becomes {@code ce_type}, e.g. {@code booking.BookingConfirmed.v1}
 * @param topic   Kafka topic, e.g. {@code booking.bookings.v1}
 * @param key     Kafka key (the slot id for everything touching seats), keeps per-key order
 * @param subject becomes {@code ce_subject}, e.g. the booking id; may be null
 * @param time    becomes {@code ce_time}; also what the timer relay uses to find left-behind events
 * @param payload the event as JSON text
 * @param traceparent the W3C trace context of the work that wrote the event, or null: the relay sends the event
 *                    inside that trace even when the timer sends it minutes later, so the booking's trace is one
 */
public record OutboxEvent(String id, String type, String topic, String key, String subject, Instant time,
                          String payload, String traceparent) {

    static final String F_ID = "_id";
    static final String F_TYPE = "type";
    static final String F_TOPIC = "topic";
    static final String F_KEY = "key";
    static final String F_SUBJECT = "subject";
    static final String F_TIME = "time";
    static final String F_PAYLOAD = "payload";
    static final String F_TRACEPARENT = "traceparent";

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        time = time.truncatedTo(ChronoUnit.MILLIS);
    }

    /** An event outside any trace. */
    public OutboxEvent(String id, String type, String topic, String key, String subject, Instant time, String payload) {
        this(id, type, topic, key, subject, time, payload, null);
    }

    /**
     * A new event with a random UUID, the current time, the payload serialized by {@code jsonMapper} and the
     * current trace context ({@link OutboxTracing}).
     */
    public static OutboxEvent of(String type, String topic, String key, String subject, Object payload,
                                 JsonMapper jsonMapper) {
        return new OutboxEvent(UUID.randomUUID().toString(), type, topic, key, subject, Instant.now(),
                jsonMapper.writeValueAsString(payload), OutboxTracing.currentTraceparent());
    }

    /** The same event with another payload (an {@link OutboxRelay.Enricher}'s completion). */
    public OutboxEvent withPayload(String newPayload) {
        return new OutboxEvent(id, type, topic, key, subject, time, newPayload, traceparent);
    }

    /** The CloudEvents attributes this event is published with. */
    public CloudEventAttributes attributes(String source) {
        return new CloudEventAttributes(id, type, source, time, subject);
    }

    /** The BSON sub-document stored in the {@code outbox} array. */
    public Document toDocument() {
        Document doc = new Document(F_ID, id);
        doc.put(F_TYPE, type);
        doc.put(F_TOPIC, topic);
        doc.put(F_KEY, key);
        doc.put(F_SUBJECT, subject);
        doc.put(F_TIME, Date.from(time));
        doc.put(F_PAYLOAD, payload);
        if (traceparent != null) {
            doc.put(F_TRACEPARENT, traceparent);
        }
        return doc;
    }

    /** Reads a sub-document of the {@code outbox} array. */
    public static OutboxEvent fromDocument(Document doc) {
        Object time = doc.get(F_TIME);
        Instant instant = time instanceof Date date ? date.toInstant()
                : time instanceof Instant i ? i : Instant.parse(String.valueOf(time));
        return new OutboxEvent(String.valueOf(doc.get(F_ID)), doc.getString(F_TYPE), doc.getString(F_TOPIC),
                doc.getString(F_KEY), doc.getString(F_SUBJECT), instant, doc.getString(F_PAYLOAD),
                doc.getString(F_TRACEPARENT));
    }
}
