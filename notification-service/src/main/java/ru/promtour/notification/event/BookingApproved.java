package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** {@code booking.BookingApproved.v1}: the enterprise approved an ON_REQUEST booking. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingApproved(String bookingId, String slotId, String excursionId, String operatorId, int units,
                              Instant approvedAt, Visit visit,
        JsonNode octoBooking, String routeBookingId) implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return approvedAt;
    }
}
