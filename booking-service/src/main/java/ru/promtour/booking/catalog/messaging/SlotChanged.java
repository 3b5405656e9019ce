package ru.promtour.booking.catalog.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code catalog.SlotPublished.v1}, {@code SlotCapacityChanged}, {@code SlotClosed}, {@code SlotReopened},
 * {@code SlotCancelled} and {@code SlotCutoffChanged}: the slot as it stands after the change (one shape, told
 * apart by {@code ce_type}).
 *
 * @param cutoffAt           the slot's booking cut-off as the catalog computed it; absent in events of a catalog
 *                           older than the field (and, in the change facts, for a slot it stored before it)
 * @param affectedBookingIds SlotCancelled only: bookings holding or owning seats when it was cancelled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlotChanged(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                          String localStart, Instant cutoffAt, int capacity, int available, String status, long version,
                          Instant occurredAt, String reason, List<String> affectedBookingIds) {
}
