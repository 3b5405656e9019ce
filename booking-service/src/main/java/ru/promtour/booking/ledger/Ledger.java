package ru.promtour.booking.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import ru.promtour.seats.Bookability;

/**
 * A read of one slot's ledger document (collection {@value #COLLECTION}, {@code _id} = slot id).
 * <p>
 * Shape: the slot's {@code start}, {@code timeZone}, {@code cutoffAt}, {@code status} and {@code capacity};
 * {@code held} and {@code confirmed} with their entries {@code holds} / {@code sold} keyed by booking id (the
 * units stored there are what a release gives back); {@code released}, the last booking ids released here (so a
 * late duplicate does not hold again); {@code answered}, the last change requests applied; {@code version},
 * incremented by every write; and the {@code outbox} of its events.
 * <p>
 * Allocations (ADR 0005): {@code allocations} maps an operator id to its allotment on this slot, {@code {id,
 * operatorId, units, left, releaseAt, released}}, and {@code allotted} is the sum of {@code left} over the
 * allotments not released: seats nobody but their operator may take. Free sale is what is left:
 * capacity − held − confirmed − allotted. An entry taken from an allotment names it in {@code pool}.
 */
public record Ledger(String slotId, String excursionId, String enterpriseId, Instant start, String timeZone,
                     Instant cutoffAt, LedgerStatus status, int capacity, int held, int confirmed, int allotted,
                     Map<String, Allotment> allocations, List<Entry> holds, List<Entry> sold, List<String> released,
                     List<String> answered, long version) {

    public static final String COLLECTION = "ledgers";

    /**
     * Seats a booking holds or owns: its units, when, the hash of the reserve that took them, and the allocation
     * they came from (null: free sale).
     */
    public record Entry(String bookingId, int units, Instant at, String requestHash, String pool) {
    }

    /** An operator's allotment on this slot: {@code left} of {@code units} still unbooked until {@code releaseAt}. */
    public record Allotment(String id, String operatorId, int units, int left, Instant releaseAt, boolean released) {

        public int used() {
            return units - left;
        }
    }

    /** Seats on free sale: what any operator may take. */
    public int available() {
        return Bookability.free(capacity, held + allotted, confirmed);
    }

    /** Seats this operator may take: free sale plus what is left of its allotment. */
    public int availableTo(String operatorId) {
        return available() + usableAllotment(operatorId).map(Allotment::left).orElse(0);
    }

    /** The operator's allotment here while it is not released. */
    public Optional<Allotment> usableAllotment(String operatorId) {
        Allotment a = operatorId == null ? null : allocations.get(operatorId);
        return a == null || a.released() ? Optional.empty() : Optional.of(a);
    }

    /** The allotment with this id (released or not); empty when it was never here or was replaced. */
    public Optional<Allotment> allotment(String allocationId) {
        return allocations.values().stream().filter(a -> a.id().equals(allocationId)).findFirst();
    }

    public Optional<Entry> hold(String bookingId) {
        return holds.stream().filter(e -> e.bookingId().equals(bookingId)).findFirst();
    }

    public Optional<Entry> sale(String bookingId) {
        return sold.stream().filter(e -> e.bookingId().equals(bookingId)).findFirst();
    }

    /** Where the booking's seats are: its hold, else its sale; empty when it has none here. */
    public Optional<Placed> placed(String bookingId) {
        return hold(bookingId).map(e -> new Placed(e, false)).or(() -> sale(bookingId).map(e -> new Placed(e, true)));
    }

    /** A booking's entry and whether it is sold: the array and the count a change of it touches. */
    public record Placed(Entry entry, boolean sold) {

        public String array() {
            return sold ? "sold" : "holds";
        }

        public String count() {
            return sold ? "confirmed" : "held";
        }
    }

    /** Booking ids holding or owning seats here (what a cancellation of the slot affects). */
    public List<String> bookingIds() {
        List<String> ids = new ArrayList<>();
        holds.forEach(e -> ids.add(e.bookingId()));
        sold.forEach(e -> ids.add(e.bookingId()));
        return ids;
    }

    static Ledger of(Document d) {
        return new Ledger(d.getString("_id"), d.getString("excursionId"), d.getString("enterpriseId"),
                instant(d.get("start")), d.getString("timeZone"), instant(d.get("cutoffAt")),
                LedgerStatus.valueOf(d.getString("status")), intOf(d, "capacity"), intOf(d, "held"),
                intOf(d, "confirmed"), intOf(d, "allotted"), allotments(d), entries(d, "holds"), entries(d, "sold"),
                strings(d, "released"), strings(d, "answered"), longOf(d, "version"));
    }

    static Map<String, Allotment> allotments(Document d) {
        if (!(d.get("allocations") instanceof Document map)) {
            return Map.of();
        }
        Map<String, Allotment> allotments = new LinkedHashMap<>();
        map.forEach((operatorId, v) -> {
            if (v instanceof Document a) {
                allotments.put(operatorId, new Allotment(a.getString("id"), operatorId, intOf(a, "units"),
                        intOf(a, "left"), instant(a.get("releaseAt")), Boolean.TRUE.equals(a.getBoolean("released"))));
            }
        });
        return allotments;
    }

    static int intOf(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.intValue() : 0;
    }

    static long longOf(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant instant(Object v) {
        return v instanceof Date date ? date.toInstant() : null;
    }

    static List<Entry> entries(Document d, String field) {
        Object v = d.get(field);
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (Object o : list) {
            if (o instanceof Document e) {
                entries.add(new Entry(e.getString("bookingId"), intOf(e, "units"), instant(e.get("at")),
                        e.getString("requestHash"), e.getString("pool")));
            }
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Document d, String field) {
        Object v = d.get(field);
        return v instanceof List<?> list ? (List<String>) list : List.of();
    }
}
