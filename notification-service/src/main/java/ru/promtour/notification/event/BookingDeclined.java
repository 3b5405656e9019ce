package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** {@code booking.BookingDeclined.v1}: the enterprise declined an ON_REQUEST booking, with a reason. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingDeclined(String bookingId, String slotId, int units, String reason, Instant declinedAt,
                              Visit visit,
        JsonNode octoBooking, String routeBookingId) implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return declinedAt;
    }
}
