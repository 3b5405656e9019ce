package ru.promtour.catalog.slot.ledger;

import ru.promtour.catalog.slot.SlotStatus;

/**
 * A slot's seat ledger as booking-service announced it after one of its writes (the {@code ledger} object of
 * every {@code booking.seats.v1} event). {@code version} grows with every ledger write, so the newest wins.
 */
public record Ledger(int capacity, int held, int confirmed, int available, SlotStatus status, long version) {
}
