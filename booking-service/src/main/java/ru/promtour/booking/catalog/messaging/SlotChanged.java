package ru.promtour.booking.catalog.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code catalog.SlotPublished.v1}, {@code SlotCapacityChanged}, {@code SlotClosed}, {@code SlotReopened} and
 * {@code SlotCancelled}: the slot as it stands after the change (one shape, told apart by {@code ce_type}).
 *
 * @param affectedBookingIds SlotCancelled only: bookings holding or owning seats when it was cancelled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlotChanged(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                          String localStart, int capacity, int available, String status, long version,
                          Instant occurredAt, String reason, List<String> affectedBookingIds) {
}
