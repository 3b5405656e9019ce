package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

/**
 * {@code catalog.SlotPublished.v1: a new slot exists and takes holds while its excursion is published}.
 *
 * @param start      the start instant (UTC)
 * @param timeZone   the enterprise's IANA zone
 * @param localStart the start as local date-time with offset in that zone, e.g. 2026-12-01T10:00:00+03:00
 * @param cutoffAt   when bookings close: start − the program's booking cut-off (the seat ledger opens with it)
 */
public record SlotPublished(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                    String localStart, Instant cutoffAt, int capacity, int held, int confirmed, int available,
                    String status, long version, Instant occurredAt) {
}
