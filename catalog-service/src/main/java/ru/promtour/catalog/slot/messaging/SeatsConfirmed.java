package ru.promtour.catalog.slot.messaging;

import java.time.Instant;

/** {@code catalog.SeatsConfirmed.v1}: a booking's held seats became sold seats. Counts after the change. */
public record SeatsConfirmed(String slotId, String bookingId, int units, Instant confirmedAt, int held, int confirmed,
                             int capacity, int available) {
}
