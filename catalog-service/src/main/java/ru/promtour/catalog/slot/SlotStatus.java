package ru.promtour.catalog.slot;

/** OPEN takes holds; CLOSED takes none but may reopen; CANCELLED is final. */
public enum SlotStatus {
    OPEN, CLOSED, CANCELLED
}
