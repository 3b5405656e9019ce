package ru.promtour.notification.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * {@code booking.BookingCancelled.v1}.
 *
 * @param cancelledBy {@code OPERATOR} or {@code SUPPLIER} (the enterprise, e.g. a cancelled slot)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingCancelled(String bookingId, String slotId, int units, String cancelledBy, String reason,
                               Instant cancelledAt, Visit visit,
        JsonNode octoBooking, String routeBookingId, Boolean imported) implements BookingEvent {

    @Override
    public boolean importedHistory() {
        return Boolean.TRUE.equals(imported);
    }

    public boolean bySupplier() {
        return "SUPPLIER".equals(cancelledBy);
    }

    @Override
    public Instant occurredAt() {
        return cancelledAt;
    }
}
