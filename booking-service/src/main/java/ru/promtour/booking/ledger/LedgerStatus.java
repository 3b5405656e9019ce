package ru.promtour.booking.ledger;

import ru.promtour.seats.Bookability;

/** A slot as the ledger knows it: OPEN takes holds; CLOSED takes none until reopened; CANCELLED is final. */
public enum LedgerStatus {
    OPEN, CLOSED, CANCELLED;

    /** The same status for the bookability rule (the names are the ones of the contracts' slot status). */
    public Bookability.Status bookability() {
        return Bookability.Status.valueOf(name());
    }
}
