package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code booking.BookingConfirmed.v1}, the part the catalog needs (the event-carried state for
 * notifications is ignored here).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingConfirmed(String bookingId, String slotId, String excursionId, String operatorId, int units,
                               Instant confirmedAt) {
}
