package ru.promtour.catalog.slot.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import ru.promtour.catalog.excursion.OpeningHours;

/**
 * {@code catalog.SlotReopened.v1: a closed slot takes holds again}.
 *
 * @param start      the start instant (UTC)
 * @param timeZone   the enterprise's IANA zone
 * @param localStart the start as local date-time with offset in that zone, e.g. 2026-12-01T10:00:00+03:00
 * @param cutoffAt   when bookings close (start − the program's booking cut-off); absent for a slot stored before
 *                   the catalog stored it
 * @param allDay       true for the day slot of an OPENING_HOURS program (bookable all day); absent for a start time
 * @param openingHours the day slot's open ranges of its local date (empty: its hours closed the date); absent for a
 *                     start time
 */
public record SlotReopened(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                    String localStart, @JsonInclude(JsonInclude.Include.NON_NULL) Instant cutoffAt, int capacity,
                    int held, int confirmed, int available, String status, long version, Instant occurredAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean allDay,
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<OpeningHours.TimeRange> openingHours) {
}
