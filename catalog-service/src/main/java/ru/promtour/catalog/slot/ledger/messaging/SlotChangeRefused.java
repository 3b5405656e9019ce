package ru.promtour.catalog.slot.ledger.messaging;

import java.time.Instant;

import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.ledger.Ledger;

/**
 * {@code booking.SlotChangeRefused.v1}: the ledger refused the catalog's {@code SlotChangeRequested} with this
 * {@code requestId}.
 *
 * @param reason {@code BELOW_HELD_PLUS_CONFIRMED}, {@code SLOT_CANCELLED} or {@code UNKNOWN_SLOT}
 * @param ledger the slot's ledger the refusal was judged on; absent for {@code UNKNOWN_SLOT}
 */
public record SlotChangeRefused(String slotId, String requestId, SlotChange change, Integer capacity, String reason,
                                String message, Instant at, Ledger ledger) {
}
