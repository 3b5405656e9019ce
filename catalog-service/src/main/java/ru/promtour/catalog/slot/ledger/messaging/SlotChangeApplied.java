package ru.promtour.catalog.slot.ledger.messaging;

import java.time.Instant;
import java.util.List;

import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.ledger.Ledger;

/**
 * {@code booking.SlotChangeApplied.v1}: the ledger applied the catalog's {@code SlotChangeRequested} with this
 * {@code requestId}; {@code ledger} is the slot's ledger right after it.
 *
 * @param capacity           CAPACITY: the new capacity
 * @param previousCapacity   CAPACITY: the capacity before
 * @param affectedBookingIds CANCEL: the bookings that held or owned seats
 */
public record SlotChangeApplied(String slotId, String requestId, SlotChange change, Integer capacity,
                                Integer previousCapacity, String reason, List<String> affectedBookingIds, Instant at,
                                Ledger ledger) {
}
