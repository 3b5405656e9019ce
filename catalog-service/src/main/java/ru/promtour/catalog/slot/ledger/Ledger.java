package ru.promtour.catalog.slot.ledger;

import java.util.List;

import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotStatus;

/**
 * A slot's seat ledger as booking-service announced it after one of its writes (the {@code ledger} object of
 * every {@code booking.seats.v1} event). {@code version} grows with every ledger write, so the newest wins.
 * {@code available} is free sale; {@code allotted} (null: 0) the seats kept for operators' allocations, each
 * operator's in {@code allocations}.
 */
public record Ledger(int capacity, int held, int confirmed, int available, SlotStatus status, long version,
                     Integer allotted, List<Allotment> allocations) {

    /** A ledger without allocations. */
    public Ledger(int capacity, int held, int confirmed, int available, SlotStatus status, long version) {
        this(capacity, held, confirmed, available, status, version, null, null);
    }

    /** What is left of one operator's allocation. */
    public record Allotment(String operatorId, String allocationId, int left) {
    }

    /** The operators' shares as the slot keeps them. */
    public List<Slot.Allotment> allotments() {
        return allocations == null ? List.of()
                : allocations.stream().map(a -> new Slot.Allotment(a.operatorId(), a.left())).toList();
    }
}
