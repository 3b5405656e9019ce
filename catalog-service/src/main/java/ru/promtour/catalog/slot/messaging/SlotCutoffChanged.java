package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code catalog.SlotCutoffChanged.v1: the program's booking cut-off changed, so this future slot's cutoffAt moved}.
 *
 * @param start            the start instant (UTC)
 * @param timeZone         the enterprise's IANA zone
 * @param localStart       the start as local date-time with offset in that zone, e.g. 2026-12-01T10:00:00+03:00
 * @param cutoffAt         when bookings close now: start − the program's new booking cut-off
 * @param previousCutoffAt when they closed before; absent for a slot stored before the catalog stored it
 */
public record SlotCutoffChanged(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                    String localStart, Instant cutoffAt, int capacity, int held, int confirmed, int available,
                    String status, long version, Instant occurredAt,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousCutoffAt) {
}
