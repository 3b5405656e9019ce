package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** {@code booking.BookingPendingApproval.v1}: an ON_REQUEST booking waits for the enterprise's decision. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingPendingApproval(String bookingId, String slotId, String excursionId, String operatorId,
                                     int units, Instant requestedAt, Visit visit,
        JsonNode octoBooking, String routeBookingId) implements BookingEvent {

    @Override
    public Instant occurredAt() {
        return requestedAt;
    }
}
