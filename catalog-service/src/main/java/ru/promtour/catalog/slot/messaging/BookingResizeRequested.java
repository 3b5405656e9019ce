package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.BookingResizeRequested.v1}: a booking asks to go from {@code previousUnits} to {@code units} seats. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingResizeRequested(String bookingId, String slotId, String requestId, int units, int previousUnits,
                                     Instant requestedAt) {
}
