package ru.promtour.notification.event;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * {@code booking.BookingUpdated.v1}: the operator changed a confirmed booking.
 *
 * @param changes what changed: {@code UNITS}, {@code CONTACT}, {@code VISITORS}, {@code NOTES}, {@code AVAILABILITY}
 *                (moved to another date or time: the visit names the new one)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingUpdated(String bookingId, String slotId, String excursionId, String operatorId, int units,
                             Integer previousUnits, List<String> changes, Instant updatedAt, Visit visit,
        JsonNode octoBooking)
        implements BookingEvent {

    public BookingUpdated {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    @Override
    public Instant occurredAt() {
        return updatedAt;
    }
}
