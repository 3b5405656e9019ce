package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** {@code booking.BookingExpired.v1}: a hold ran out before confirmation. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingExpired(String bookingId, String slotId, int units, Instant expiredAt, Visit visit,
        JsonNode octoBooking, String routeBookingId)
        implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return expiredAt;
    }
}
