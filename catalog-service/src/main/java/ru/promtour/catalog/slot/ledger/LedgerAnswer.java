package ru.promtour.catalog.slot.ledger;

import java.util.List;

import ru.promtour.catalog.slot.SlotChange;

/** The seat ledger's answer to a change the catalog asked for ({@code requestId} names the request). */
public sealed interface LedgerAnswer {

    String slotId();

    String requestId();

    SlotChange change();

    /**
     * The ledger applied the change; {@code ledger} is the slot's ledger right after it.
     *
     * @param previousCapacity CAPACITY: the capacity before, as the ledger had it
     * @param affectedBookingIds CANCEL: the bookings that held or owned seats (booking-service cancels them)
     */
    record Applied(String slotId, String requestId, SlotChange change, Integer previousCapacity,
                   List<String> affectedBookingIds, Ledger ledger) implements LedgerAnswer {

        public Applied {
            affectedBookingIds = affectedBookingIds == null ? List.of() : List.copyOf(affectedBookingIds);
        }
    }

    /**
     * The ledger refused the change: {@code BELOW_HELD_PLUS_CONFIRMED}, {@code SLOT_CANCELLED} or
     * {@code UNKNOWN_SLOT} (then {@code ledger} is null).
     *
     * @param capacity CAPACITY: the capacity that was asked for
     */
    record Refused(String slotId, String requestId, SlotChange change, Integer capacity, String reason,
                   String message, Ledger ledger) implements LedgerAnswer {
    }
}
