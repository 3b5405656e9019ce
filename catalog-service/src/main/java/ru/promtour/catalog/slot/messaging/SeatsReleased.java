package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code catalog.SeatsReleased.v1}: a booking's seats went back to the slot, exactly once; {@code requestId}
 * is set for a shrinking resize (cause {@code RESIZED}, {@code units} is the difference). Counts after.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatsReleased(String slotId, String bookingId, String requestId, int units, String cause,
                            Instant releasedAt, int held, int confirmed, int capacity, int available) {
}
