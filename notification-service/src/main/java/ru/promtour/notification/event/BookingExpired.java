package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.BookingExpired.v1}: a hold ran out before confirmation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingExpired(String bookingId, String slotId, int units, Instant expiredAt, Visit visit)
        implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return expiredAt;
    }
}
