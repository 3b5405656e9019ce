package ru.promtour.booking.ledger;

/** A slot as the ledger knows it: OPEN takes holds; CLOSED takes none until reopened; CANCELLED is final. */
public enum LedgerStatus {
    OPEN, CLOSED, CANCELLED
}
