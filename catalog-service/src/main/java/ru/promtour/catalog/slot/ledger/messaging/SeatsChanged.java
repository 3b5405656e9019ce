package ru.promtour.catalog.slot.ledger.messaging;

import java.time.Instant;

import ru.promtour.catalog.slot.ledger.Ledger;

/**
 * {@code booking.SeatsHeld.v1}, {@code booking.SeatsConfirmed.v1} and {@code booking.SeatsReleased.v1}, as far
 * as the catalog reads them: a hold, sale or release happened, and {@code ledger} is the slot's ledger after it.
 * The catalog shows counts, never bookings, so the three are one class here ({@code cause} is not read).
 */
public record SeatsChanged(String slotId, String bookingId, int units, Instant at, Ledger ledger) {
}
