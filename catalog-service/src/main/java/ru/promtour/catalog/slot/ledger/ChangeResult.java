package ru.promtour.catalog.slot.ledger;

import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.Slot.PendingChange;

/** How an enterprise's slot change ended within the wait: done (or nothing to do), or still with the ledger. */
public sealed interface ChangeResult {

    Slot slot();

    /** Applied by the ledger, or nothing to change; {@code slot} is as stored. */
    record Done(Slot slot) implements ChangeResult {
    }

    /** Sent, but the ledger has not answered within the wait; the change lands when it does. */
    record Pending(Slot slot, PendingChange change) implements ChangeResult {
    }
}
