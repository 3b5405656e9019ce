package ru.promtour.messaging.cloudevents;

import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents context attributes this platform puts on every record: what a consumer needs to
 * deduplicate ({@code id}), to dispatch ({@code type}) and to trace an event back to its producer
 * ({@code source}, {@code subject}, {@code time}) without parsing the body.
 *
 * @param id      unique per event (UUID); the deduplication key of idempotent consumers
 * @param type    versioned event type, e.g. {@code booking.BookingConfirmed.v1}
 * @param source  producing service, e.g. {@code /booking-service}
 * @param time    when the event happened
 * @param subject the aggregate the event is about, e.g. a booking id; may be null
 */
public record CloudEventAttributes(String id, String type, String source, Instant time, String subject) {

    public CloudEventAttributes {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }
}
