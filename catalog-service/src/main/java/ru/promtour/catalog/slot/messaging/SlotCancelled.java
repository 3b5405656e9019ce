package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code catalog.SlotCancelled.v1: the slot will not take place (final); every affected booking is to be cancelled}.
 *
 * @param start      the start instant (UTC)
 * @param timeZone   the enterprise's IANA zone
 * @param localStart the start as local date-time with offset in that zone, e.g. 2026-12-01T10:00:00+03:00
 * @param cutoffAt   when bookings close (start − the program's booking cut-off); absent for a slot stored before
 *                   the catalog stored it
 */
public record SlotCancelled(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                    String localStart, @JsonInclude(JsonInclude.Include.NON_NULL) Instant cutoffAt, int capacity,
                    int held, int confirmed, int available, String status, long version, Instant occurredAt,
                    String reason, java.util.List<String> affectedBookingIds) {
}
