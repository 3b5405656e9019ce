package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code catalog.SeatsRejected.v1}: no seats were held (for a growing resize {@code requestId} is set), and
 * why. {@code available} is absent for an unknown slot.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatsRejected(String slotId, String bookingId, String requestId, int units, String reason,
                            Integer available, Instant rejectedAt) {
}
