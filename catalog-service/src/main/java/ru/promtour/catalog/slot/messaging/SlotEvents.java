package ru.promtour.catalog.slot.messaging;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the outbox entries of a slot: topic {@code catalog.slots.v1}, keyed by slot id (everything that
 * touches seats is, so a slot's events stay ordered in one partition: the ledger sees a slot's
 * {@code SlotPublished} before any change requested on it). Facts are given the state AFTER the change.
 */
@Component
public class SlotEvents {

    public static final String TOPIC = "catalog.slots.v1";
    public static final String PUBLISHED = "catalog.SlotPublished.v1";
    public static final String CAPACITY_CHANGED = "catalog.SlotCapacityChanged.v1";
    public static final String CLOSED = "catalog.SlotClosed.v1";
    public static final String REOPENED = "catalog.SlotReopened.v1";
    public static final String CANCELLED = "catalog.SlotCancelled.v1";
    public static final String CUTOFF_CHANGED = "catalog.SlotCutoffChanged.v1";
    public static final String CHANGE_REQUESTED = "catalog.SlotChangeRequested.v1";

    /** RFC 3339 with seconds always present (OffsetDateTime.toString drops zero seconds). */
    public static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private final JsonMapper json;

    public SlotEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxEvent published(Slot s, Instant at) {
        return event(PUBLISHED, s, new SlotPublished(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(),
                local(s), s.cutoffAt(), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(),
                s.version(), at, allDay(s), s.openingHours()));
    }

    public OutboxEvent capacityChanged(Slot s, int previousCapacity, Instant at) {
        return event(CAPACITY_CHANGED, s, new SlotCapacityChanged(s.id(), s.excursionId(), s.enterpriseId(), s.start(),
                s.timeZone(), local(s), s.cutoffAt(), s.capacity(), s.held(), s.confirmed(), s.available(),
                s.status().name(), s.version(), at, previousCapacity, allDay(s), s.openingHours()));
    }

    public OutboxEvent closed(Slot s, String reason, Instant at) {
        return event(CLOSED, s, new SlotClosed(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(),
                local(s), s.cutoffAt(), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(),
                s.version(), at, reason, allDay(s), s.openingHours()));
    }

    public OutboxEvent reopened(Slot s, Instant at) {
        return event(REOPENED, s, new SlotReopened(s.id(), s.excursionId(), s.enterpriseId(), s.start(), s.timeZone(),
                local(s), s.cutoffAt(), s.capacity(), s.held(), s.confirmed(), s.available(), s.status().name(),
                s.version(), at, allDay(s), s.openingHours()));
    }

    /** @param affectedBookingIds the bookings that held or owned seats, as the ledger named them */
    public OutboxEvent cancelled(Slot s, String reason, List<String> affectedBookingIds, Instant at) {
        return event(CANCELLED, s, new SlotCancelled(s.id(), s.excursionId(), s.enterpriseId(), s.start(),
                s.timeZone(), local(s), s.cutoffAt(), s.capacity(), s.held(), s.confirmed(), s.available(),
                s.status().name(), s.version(), at, reason, affectedBookingIds.stream().distinct().toList(), allDay(s),
                s.openingHours()));
    }

    /** The slot's new booking cut-off ({@code s} as it stands with it) after its program's cut-off changed. */
    public OutboxEvent cutoffChanged(Slot s, Instant previousCutoffAt, Instant at) {
        return event(CUTOFF_CHANGED, s, new SlotCutoffChanged(s.id(), s.excursionId(), s.enterpriseId(), s.start(),
                s.timeZone(), local(s), s.cutoffAt(), s.capacity(), s.held(), s.confirmed(), s.available(),
                s.status().name(), s.version(), at, previousCutoffAt, allDay(s), s.openingHours()));
    }

    /** The enterprise's change, for the seat ledger to apply or refuse; {@code s} is the slot it was asked on. */
    public OutboxEvent changeRequested(Slot s, Slot.PendingChange change) {
        return event(CHANGE_REQUESTED, s, new SlotChangeRequested(s.id(), change.requestId(), change.change().name(),
                s.enterpriseId(), change.capacity(), change.reason(), change.requestedAt()));
    }

    /** Present (true) only on a day slot, so a start time's events read as before. */
    private static Boolean allDay(Slot s) {
        return s.allDay() ? Boolean.TRUE : null;
    }

    private static String local(Slot s) {
        return LOCAL.format(s.localStart());
    }

    private OutboxEvent event(String type, Slot slot, Object payload) {
        return OutboxEvent.of(type, TOPIC, slot.id(), slot.id(), payload, json);
    }
}
