package ru.promtour.catalog.slot.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the outbox entries of a slot: topic {@code catalog.slots.v1}, keyed by slot id (everything that
 * touches seats is, so a slot's events stay ordered in one partition). Given the state AFTER the change.
 */
@Component
public class SlotEvents {

    public static final String TOPIC = "catalog.slots.v1";
    public static final String PUBLISHED = "catalog.SlotPublished.v1";
    public static final String CAPACITY_CHANGED = "catalog.SlotCapacityChanged.v1";
    public static final String CLOSED = "catalog.SlotClosed.v1";
    public static final String REOPENED = "catalog.SlotReopened.v1";
    public static final String CANCELLED = "catalog.SlotCancelled.v1";

    /** RFC 3339 with seconds always present (OffsetDateTime.toString drops zero seconds). */
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final JsonMapper json;

    public SlotEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxEvent published(Slot s, Instant at) {
        return event(PUBLISHED, s, new SlotPublished(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(),
                local(s), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(), s.version(), at));
    }

    public OutboxEvent capacityChanged(Slot s, int previousCapacity, Instant at) {
        return event(CAPACITY_CHANGED, s, new SlotCapacityChanged(s.id(), s.excursionId(), s.enterpriseId(), s.start(),
                s.timeZone(), local(s), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(),
                s.version(), at, previousCapacity));
    }

    public OutboxEvent closed(Slot s, String reason, Instant at) {
        return event(CLOSED, s, new SlotClosed(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(),
                local(s), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(), s.version(), at,
                reason));
    }

    public OutboxEvent reopened(Slot s, Instant at) {
        return event(REOPENED, s, new SlotReopened(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(),
                local(s), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(), s.version(), at));
    }

    public OutboxEvent cancelled(Slot s, String reason, Instant at) {
        return event(CANCELLED, s, new SlotCancelled(s.id(), s.excursionId(), s.enterpriseId(), s.start(),
                s.timeZone(), local(s), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(),
                s.version(), at, reason, s.affectedBookingIds()));
    }

    private static String local(Slot s) {
        return LOCAL.format(s.localStart());
    }

    private OutboxEvent event(String type, Slot slot, Object payload) {
        return OutboxEvent.of(type, TOPIC, slot.id(), slot.id(), payload, json);
    }
}
