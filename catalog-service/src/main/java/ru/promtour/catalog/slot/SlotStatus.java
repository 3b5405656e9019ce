package ru.promtour.catalog.slot;

import ru.promtour.seats.Bookability;

/** OPEN takes holds; CLOSED takes none but may reopen; CANCELLED is final. */
public enum SlotStatus {
    OPEN, CLOSED, CANCELLED;

    /** The same status for the bookability rule (the names are the ones of the contracts' slot status). */
    public Bookability.Status bookability() {
        return Bookability.Status.valueOf(name());
    }
}
