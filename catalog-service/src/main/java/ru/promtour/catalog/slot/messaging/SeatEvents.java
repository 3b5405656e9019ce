package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import org.springframework.stereotype.Component;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the seat saga's answers as outbox entries: topic {@code catalog.slots.v1}, key = slot id (the same
 * partition as the slot's other events), {@code ce_subject} = booking id. Counts are the slot's AFTER the
 * change, so the caller computes them before the single conditional write that carries the event.
 */
@Component
public class SeatEvents {

    public static final String TOPIC = SlotEvents.TOPIC;
    public static final String HELD = "catalog.SeatsHeld.v1";
    public static final String REJECTED = "catalog.SeatsRejected.v1";
    public static final String CONFIRMED = "catalog.SeatsConfirmed.v1";
    public static final String RELEASED = "catalog.SeatsReleased.v1";

    private final JsonMapper json;

    public SeatEvents(JsonMapper json) {
        this.json = json;
    }

    /** Seat counts of the slot after the change. */
    public record Counts(int held, int confirmed, int capacity) {
        public int available() {
            return Math.max(0, capacity - held - confirmed);
        }
    }

    public OutboxEvent held(String slotId, String bookingId, String requestId, int units, Instant at, Counts c) {
        return event(HELD, slotId, bookingId, new SeatsHeld(slotId, bookingId, requestId, units, at, c.held(),
                c.confirmed(), c.capacity(), c.available()));
    }

    /** @param available null when the slot is unknown */
    public OutboxEvent rejected(String slotId, String bookingId, String requestId, int units, String reason,
                                Integer available, Instant at) {
        return event(REJECTED, slotId, bookingId, new SeatsRejected(slotId, bookingId, requestId, units, reason,
                available, at));
    }

    public OutboxEvent confirmed(String slotId, String bookingId, int units, Instant at, Counts c) {
        return event(CONFIRMED, slotId, bookingId, new SeatsConfirmed(slotId, bookingId, units, at, c.held(),
                c.confirmed(), c.capacity(), c.available()));
    }

    public OutboxEvent released(String slotId, String bookingId, String requestId, int units, String cause, Instant at,
                                Counts c) {
        return event(RELEASED, slotId, bookingId, new SeatsReleased(slotId, bookingId, requestId, units, cause, at,
                c.held(), c.confirmed(), c.capacity(), c.available()));
    }

    private OutboxEvent event(String type, String slotId, String bookingId, Object payload) {
        return OutboxEvent.of(type, TOPIC, slotId, bookingId, payload, json);
    }
}
