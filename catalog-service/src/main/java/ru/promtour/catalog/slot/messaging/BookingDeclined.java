package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.BookingDeclined.v1}: the enterprise declined an on-request booking. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingDeclined(String bookingId, String slotId, int units, String reason, Instant declinedAt) {
}
