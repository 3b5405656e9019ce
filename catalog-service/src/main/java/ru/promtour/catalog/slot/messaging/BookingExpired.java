package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code booking.BookingExpired.v1}: a hold was not confirmed in time. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingExpired(String bookingId, String slotId, int units, Instant expiredAt) {
}
