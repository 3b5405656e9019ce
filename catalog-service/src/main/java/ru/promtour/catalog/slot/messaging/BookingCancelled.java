package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.BookingCancelled.v1}: a held or confirmed booking is cancelled (by the operator or the supplier). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingCancelled(String bookingId, String slotId, int units, String cancelledBy, String reason,
                               Instant cancelledAt) {
}
