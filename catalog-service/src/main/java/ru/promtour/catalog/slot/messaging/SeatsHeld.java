package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code catalog.SeatsHeld.v1}: seats are held for a booking; for a growing resize {@code requestId} is set
 * and {@code units} is the growth. Counts are the slot's after the hold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatsHeld(String slotId, String bookingId, String requestId, int units, Instant heldAt, int held,
                        int confirmed, int capacity, int available) {
}
