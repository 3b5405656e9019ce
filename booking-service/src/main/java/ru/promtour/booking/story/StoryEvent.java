package ru.promtour.booking.story;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a booking's story, in the shape the gateway merges with notification-service's entries and sorts by
 * {@code at}.
 *
 * @param source  {@code booking-service} (the booking's own state and events) or {@code ledger} (the slot's seats)
 * @param kind    {@code state} (read from the booking document), {@code event} (an event sent, or still pending, from
 *                an outbox), {@code seats} (the booking's current entry in the ledger)
 * @param type    the event type ({@code booking.BookingConfirmed.v1}) or the state reached ({@code ON_HOLD})
 * @param detail  what else is known: topic, event id, sentAt, pending, units, pool…
 * @param traceId the trace the event was sent in, when its outbox kept one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoryEvent(Instant at, String source, String kind, String type, Map<String, Object> detail, String traceId) {

    public static final String BOOKING_SERVICE = "booking-service";
    public static final String LEDGER = "ledger";
}
