package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** {@code booking.BookingConfirmed.v1}: an INSTANT booking is confirmed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingConfirmed(String bookingId, String slotId, String excursionId, String operatorId, int units,
                               Instant confirmedAt, Visit visit,
        JsonNode octoBooking, String routeBookingId, Boolean imported) implements BookingEvent {

    @Override
    public boolean importedHistory() {
        return Boolean.TRUE.equals(imported);
    }

    @Override
    public Instant occurredAt() {
        return confirmedAt;
    }
}
