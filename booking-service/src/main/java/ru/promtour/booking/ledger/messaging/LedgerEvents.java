package ru.promtour.booking.ledger.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.Document;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.booking.ledger.Ledger;
import ru.promtour.messaging.outbox.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the ledger's events as outbox entries: topic {@value #TOPIC}, key = slot id, {@code ce_subject} = the
 * booking id (seat events) or the slot id (change answers). The {@code ledger} object of every event (counts,
 * status, version) is added when the event leaves ({@link #enrich}), from the document the write returned or the
 * relay read: the single write that appends the event cannot know the counts it produces without a read first,
 * and a read first would mean optimistic retries on a contended slot. The catalog keeps the newest version.
 */
@Component
public class LedgerEvents implements OutboxRelay.Enricher {

    public static final String TOPIC = "booking.seats.v1";
    public static final String HELD = "booking.SeatsHeld.v1";
    public static final String CONFIRMED = "booking.SeatsConfirmed.v1";
    public static final String RELEASED = "booking.SeatsReleased.v1";
    public static final String CHANGE_APPLIED = "booking.SlotChangeApplied.v1";
    public static final String CHANGE_REFUSED = "booking.SlotChangeRefused.v1";
    public static final String ALLOCATION_GRANTED = "booking.AllocationGranted.v1";
    public static final String ALLOCATION_RELEASED = "booking.AllocationReleased.v1";

    private final JsonMapper json;

    public LedgerEvents(JsonMapper json) {
        this.json = json;
    }

    /** @param cause RESERVED, RESIZED or MOVED */
    public OutboxEvent held(String slotId, String bookingId, int units, String cause, Instant at) {
        return event(HELD, slotId, bookingId, new SeatsHeld(slotId, bookingId, units, cause, at));
    }

    public OutboxEvent confirmed(String slotId, String bookingId, int units, Instant at) {
        return event(CONFIRMED, slotId, bookingId, new SeatsConfirmed(slotId, bookingId, units, at));
    }

    /** @param cause CANCELLED, EXPIRED, DECLINED, RESIZED, ORPHANED or MOVED */
    public OutboxEvent released(String slotId, String bookingId, int units, String cause, Instant at) {
        return event(RELEASED, slotId, bookingId, new SeatsReleased(slotId, bookingId, units, cause, at));
    }

    public OutboxEvent changeApplied(String slotId, String requestId, String change, Integer capacity,
                                     Integer previousCapacity, String reason, List<String> affectedBookingIds,
                                     Instant at) {
        return event(CHANGE_APPLIED, slotId, slotId, new SlotChangeApplied(slotId, requestId, change, capacity,
                previousCapacity, reason, affectedBookingIds, at));
    }

    public OutboxEvent changeRefused(String slotId, String requestId, String change, Integer capacity, String reason,
                                     String message, Instant at) {
        return event(CHANGE_REFUSED, slotId, slotId, new SlotChangeRefused(slotId, requestId, change, capacity, reason,
                message, at));
    }

    /** An operator's allotment on the slot, taken from free sale until {@code releaseAt}; subject = allocation id. */
    public OutboxEvent allotted(String slotId, String allocationId, String operatorId, int units, Instant releaseAt,
                                Instant at) {
        return event(ALLOCATION_GRANTED, slotId, allocationId,
                new AllocationGranted(slotId, allocationId, operatorId, units, releaseAt, at));
    }

    /**
     * The allotment's unused seats went back to free sale, once; subject = allocation id.
     *
     * @param cause RELEASE_DATE or WITHDRAWN
     */
    public OutboxEvent allotmentReleased(String slotId, Ledger.Allotment a, String cause, Instant at) {
        return event(ALLOCATION_RELEASED, slotId, a.id(),
                new AllocationReleased(slotId, a.id(), a.operatorId(), a.units(), a.used(), a.left(), cause, at));
    }

    /**
     * Adds {@code "ledger": {...}} from the ledger document. The payloads are this class's own compact JSON
     * objects, so the object is closed by its last character and the field goes right before it.
     */
    @Override
    public OutboxEvent enrich(OutboxEvent event, Document ledger) {
        if (!TOPIC.equals(event.topic()) || ledger == null || event.payload().contains("\"ledger\":")) {
            return event;
        }
        int capacity = number(ledger, "capacity");
        int held = number(ledger, "held");
        int confirmed = number(ledger, "confirmed");
        int allotted = number(ledger, "allotted");
        Object version = ledger.get("version");
        List<Allotment> allotments = new ArrayList<>();
        if (ledger.get("allocations") instanceof Document map) {
            map.forEach((operatorId, v) -> {
                if (v instanceof Document a && !Boolean.TRUE.equals(a.getBoolean("released"))) {
                    allotments.add(new Allotment(operatorId, a.getString("id"), number(a, "left")));
                }
            });
        }
        Snapshot snapshot = new Snapshot(capacity, held, confirmed, Math.max(0, capacity - held - confirmed - allotted),
                ledger.getString("status"), version instanceof Number n ? n.longValue() : 1L,
                allotted == 0 && allotments.isEmpty() ? null : allotted, allotments.isEmpty() ? null : allotments);
        String payload = event.payload();
        String enriched = payload.substring(0, payload.length() - 1) + ",\"ledger\":" + json.writeValueAsString(snapshot)
                + "}";
        return event.withPayload(enriched);
    }

    private static int number(Document d, String field) {
        return d.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private OutboxEvent event(String type, String slotId, String subject, Object payload) {
        return OutboxEvent.of(type, TOPIC, slotId, subject, payload, json);
    }

    /**
     * The {@code ledger} object of every event: the slot's ledger when the event left. {@code available} is free
     * sale; {@code allotted} (absent when 0) the seats kept for operators' allotments, each operator's in
     * {@code allocations}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Snapshot(int capacity, int held, int confirmed, int available, String status, long version,
                           Integer allotted, List<Allotment> allocations) {
    }

    /** What is left of one operator's allotment, not released. */
    public record Allotment(String operatorId, String allocationId, int left) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AllocationGranted(String slotId, String allocationId, String operatorId, int units, Instant releaseAt,
                             Instant at) {
    }

    record AllocationReleased(String slotId, String allocationId, String operatorId, int units, int used,
                              int returned, String cause, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeatsHeld(String slotId, String bookingId, int units, String cause, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeatsConfirmed(String slotId, String bookingId, int units, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SeatsReleased(String slotId, String bookingId, int units, String cause, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SlotChangeApplied(String slotId, String requestId, String change, Integer capacity, Integer previousCapacity,
                             String reason, List<String> affectedBookingIds, Instant at) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SlotChangeRefused(String slotId, String requestId, String change, Integer capacity, String reason,
                             String message, Instant at) {
    }
}
