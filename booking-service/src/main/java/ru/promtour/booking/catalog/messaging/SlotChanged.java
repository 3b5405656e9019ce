package ru.promtour.booking.catalog.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import ru.promtour.booking.catalog.SlotView;

/**
 * {@code catalog.SlotPublished.v1}, {@code SlotCapacityChanged}, {@code SlotClosed}, {@code SlotReopened},
 * {@code SlotCancelled} and {@code SlotCutoffChanged}: the slot as it stands after the change (one shape, told
 * apart by {@code ce_type}).
 *
 * @param cutoffAt           the slot's booking cut-off as the catalog computed it; absent in events of a catalog
 *                           older than the field (and, in the change facts, for a slot it stored before it)
 * @param affectedBookingIds SlotCancelled only: bookings holding or owning seats when it was cancelled
 * @param allDay             true for a day of an opening-hours program (absent for a start time)
 * @param openingHours       such a day's open ranges (local HH:mm; empty once its hours closed the date)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SlotChanged(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                          String localStart, Instant cutoffAt, int capacity, int available, String status, long version,
                          Instant occurredAt, String reason, List<String> affectedBookingIds, Boolean allDay,
                          List<SlotView.OpeningRange> openingHours) {
}
