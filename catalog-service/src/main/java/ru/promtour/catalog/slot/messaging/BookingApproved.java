package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code booking.BookingApproved.v1}: the enterprise approved an on-request booking, so its hold becomes sold
 * seats exactly as on {@link BookingConfirmed}. The event-carried state for notifications is ignored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingApproved(String bookingId, String slotId, String excursionId, String operatorId, int units,
                              Instant approvedAt) {
}
