package ru.promtour.catalog.slot;

/** What an enterprise can change on a slot; the seat ledger applies or refuses each one. */
public enum SlotChange {
    CAPACITY, CLOSE, REOPEN, CANCEL
}
