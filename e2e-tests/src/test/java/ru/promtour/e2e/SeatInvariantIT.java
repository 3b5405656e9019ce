package ru.promtour.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The end-of-run sweep over the stores themselves, after every scenario class (class order: see
 * {@code junit-platform.properties}): for every slot's seat ledger (booking-service), held and confirmed are
 * exactly the units of the bookings holding or owning seats there, its hold and sale entries are exactly those
 * bookings with their units, held + confirmed never exceeds capacity; and the catalog's read model of the slot
 * shows the ledger's capacity, status, held and confirmed once the events have settled.
 * <p>
 * Where a booking's seats must be: ON_HOLD and PENDING awaiting approval (an on-request confirm keeps the hold
 * until the enterprise decides) are held; CONFIRMED is sold; CANCELLED, EXPIRED, REJECTED and WAITLISTED (a waitlist
 * entry before its offer; an offer is an ordinary hold) own none. The catalog's read model is a few milliseconds
 * behind, so the sweep is repeated until it holds.
 * <p>
 * Group travel (ADR 0005): a ledger's {@code allotted} is the sum of {@code left} over its allocations not released,
 * each such allocation's used seats ({@code units − left}) are exactly the units of the entries drawn from it
 * ({@code pool}), held + confirmed + allotted never exceeds capacity, and the catalog shows the same {@code allotted};
 * every route booking's legs are all held, all sold (or awaiting approval), or all released — none left in flight.
 */
@Order(Integer.MAX_VALUE)
class SeatInvariantIT {

    // spring.mongodb.database of catalog-service and booking-service (Platform sets no MONGODB_DATABASE)
    private static final String CATALOG_DB = "catalog";
    private static final String BOOKING_DB = "booking";
    // the scenarios leave 10 slots and 5 bookings; fewer means the sweep checked next to nothing
    private static final int MIN_SLOTS = 8;
    private static final int MIN_BOOKINGS = 4;

    static MongoClient mongo;

    @BeforeAll
    static void connect() {
        mongo = MongoClients.create(Platform.get().mongoConnectionString());
    }

    @AfterAll
    static void disconnect() {
        if (mongo != null) {
            mongo.close();
        }
    }

    /** Where the ledger must have a booking's seats. */
    enum Seats { HELD, CONFIRMED, NONE, UNSETTLED }

    /** One pass over both stores: how much it looked at, and every slot or booking that breaks the invariant. */
    record Sweep(int slots, int bookings, int liveBookings, int heldSeats, int confirmedSeats, List<String> violations) {
    }

    @Test
    void everySlotCountsExactlyTheSeatsOfItsLiveBookingsWithinCapacity() {
        Sweep[] last = new Sweep[1];
        await("seat counts agree with the bookings").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    last[0] = sweep();
                    assertThat(last[0].violations())
                            .withFailMessage(() -> last[0].violations().size() + " violation(s) of the seat invariant:\n  "
                                    + String.join("\n  ", last[0].violations()))
                            .isEmpty();
                });
        Sweep sweep = last[0];
        System.out.println("Seat invariant holds: " + sweep);
        assertThat(sweep.slots()).as("slots swept").isGreaterThanOrEqualTo(MIN_SLOTS);
        assertThat(sweep.bookings()).as("bookings swept").isGreaterThanOrEqualTo(MIN_BOOKINGS);
        // both sides of the equation met real numbers: the on-request scenarios leave sold and held seats
        assertThat(sweep.heldSeats()).as("held seats swept").isPositive();
        assertThat(sweep.confirmedSeats()).as("confirmed seats swept").isPositive();
    }

    static Sweep sweep() {
        Map<String, Document> ledgers = new TreeMap<>();
        mongo.getDatabase(BOOKING_DB).getCollection("ledgers").find()
                .projection(new Document("outbox", 0).append("released", 0).append("answered", 0))
                .forEach(ledger -> ledgers.put(ledger.getString("_id"), ledger));
        Map<String, Document> catalogSlots = new HashMap<>();
        mongo.getDatabase(CATALOG_DB).getCollection("slots").find()
                .projection(new Document("capacity", 1).append("held", 1).append("confirmed", 1).append("status", 1)
                        .append("allotted", 1))
                .forEach(slot -> catalogSlots.put(slot.getString("_id"), slot));
        Map<String, List<Document>> bookingsBySlot = new HashMap<>();
        int bookings = 0;
        for (Document booking : mongo.getDatabase(BOOKING_DB).getCollection("bookings").find()
                .projection(new Document("_id", 1).append("slotId", 1).append("status", 1).append("units", 1)
                        .append("awaitingApproval", 1))) {
            bookingsBySlot.computeIfAbsent(booking.getString("slotId"), id -> new ArrayList<>()).add(booking);
            bookings++;
        }

        List<String> violations = new ArrayList<>();
        int live = 0;
        int heldSeats = 0;
        int confirmedSeats = 0;
        for (Document ledger : ledgers.values()) {
            String slotId = ledger.getString("_id");
            Map<String, Integer> expectHeld = new TreeMap<>();
            Map<String, Integer> expectConfirmed = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            for (Document booking : bookingsBySlot.getOrDefault(slotId, List.of())) {
                String id = booking.getString("_id");
                int units = booking.getInteger("units", 0);
                switch (seats(booking)) {
                    case HELD -> expectHeld.put(id, units);
                    case CONFIRMED -> expectConfirmed.put(id, units);
                    case UNSETTLED -> problems.add("booking " + id + " is in no known state (" + describe(booking) + ")");
                    case NONE -> { }
                }
            }
            live += expectHeld.size() + expectConfirmed.size();
            int capacity = ledger.getInteger("capacity", 0);
            int held = ledger.getInteger("held", 0);
            int confirmed = ledger.getInteger("confirmed", 0);
            heldSeats += held;
            confirmedSeats += confirmed;
            int wantHeld = sum(expectHeld);
            int wantConfirmed = sum(expectConfirmed);
            if (held != wantHeld) {
                problems.add("held " + held + " but its held bookings have " + wantHeld + " units");
            }
            if (confirmed != wantConfirmed) {
                problems.add("confirmed " + confirmed + " but its confirmed bookings have " + wantConfirmed + " units");
            }
            if (held + confirmed > capacity) {
                problems.add("held + confirmed = " + (held + confirmed) + " exceeds capacity " + capacity);
            }
            allocations(ledger, problems);
            // the entries are what later confirms and releases act on, so they must name the same bookings
            Map<String, Integer> holds = entries(ledger, "holds", problems);
            Map<String, Integer> sold = entries(ledger, "sold", problems);
            if (!holds.equals(expectHeld)) {
                problems.add("hold entries " + holds + " but held bookings " + expectHeld);
            }
            if (!sold.equals(expectConfirmed)) {
                problems.add("sale entries " + sold + " but confirmed bookings " + expectConfirmed);
            }
            Document shown = catalogSlots.get(slotId);
            if (shown == null) {
                problems.add("the catalog has no such slot");
            }
            else {
                for (String field : List.of("capacity", "held", "confirmed", "allotted")) {
                    // allotted: absent on both sides until a slot's first allocation
                    if (shown.getInteger(field, field.equals("allotted") ? 0 : -1) != ledger.getInteger(field, 0)) {
                        problems.add("the catalog shows " + field + " " + shown.getInteger(field, -1) + ", the ledger has "
                                + ledger.getInteger(field, 0));
                    }
                }
                if (!String.valueOf(shown.getString("status")).equals(ledger.getString("status"))) {
                    problems.add("the catalog shows status " + shown.getString("status") + ", the ledger has "
                            + ledger.getString("status"));
                }
            }
            if (!problems.isEmpty()) {
                violations.add("slot " + slotId + " (" + ledger.getString("status") + ", capacity "
                        + capacity + ", held " + held + ", confirmed " + confirmed + "): " + String.join("; ", problems));
            }
        }
        catalogSlots.keySet().stream().filter(id -> !ledgers.containsKey(id))
                .forEach(id -> violations.add("catalog slot " + id + " has no seat ledger"));
        bookingsBySlot.forEach((slotId, onSlot) -> {
            if (!ledgers.containsKey(slotId)) {
                onSlot.stream().filter(b -> seats(b) != Seats.NONE).forEach(b -> violations.add("booking " + b.getString("_id")
                        + " (" + describe(b) + ") names slot " + slotId + ", which has no seat ledger"));
            }
        });
        routes(violations);
        return new Sweep(ledgers.size(), bookings, live, heldSeats, confirmedSeats, violations);
    }

    /** The ledger's allocations against its entries: what each has left, what it lent, what free sale keeps. */
    private static void allocations(Document ledger, List<String> problems) {
        int allotted = ledger.getInteger("allotted", 0);
        int left = 0;
        Map<String, Integer> drawn = new TreeMap<>();
        for (String field : List.of("holds", "sold")) {
            for (Document entry : ledger.getList(field, Document.class, List.of())) {
                if (entry.getString("pool") != null) {
                    drawn.merge(entry.getString("pool"), entry.getInteger("units", 0), Integer::sum);
                }
            }
        }
        Document allocations = ledger.get("allocations", Document.class);
        for (Object value : allocations == null ? List.of() : allocations.values()) {
            Document a = (Document) value;
            if (Boolean.TRUE.equals(a.getBoolean("released"))) {
                continue;
            }
            left += a.getInteger("left", 0);
            int used = a.getInteger("units", 0) - a.getInteger("left", 0);
            int entries = drawn.getOrDefault(a.getString("id"), 0);
            if (used != entries || a.getInteger("left", 0) < 0) {
                problems.add("allocation " + a.getString("id") + " lent " + used + " seats but its entries have " + entries);
            }
        }
        if (allotted != left) {
            problems.add("allotted " + allotted + " but its allocations have " + left + " seats left");
        }
        int taken = ledger.getInteger("held", 0) + ledger.getInteger("confirmed", 0) + allotted;
        if (taken > ledger.getInteger("capacity", 0)) {
            problems.add("held + confirmed + allotted = " + taken + " exceeds capacity " + ledger.getInteger("capacity", 0));
        }
    }

    /** Every route booking's legs agree with it: a saga never ends half held. */
    private static void routes(List<String> violations) {
        var bookings = mongo.getDatabase(BOOKING_DB).getCollection("bookings");
        for (Document route : mongo.getDatabase(BOOKING_DB).getCollection("route_bookings").find()
                .projection(new Document("status", 1).append("legs", 1))) {
            String status = route.getString("status");
            List<String> legStates = new ArrayList<>();
            for (Document leg : route.getList("legs", Document.class, List.of())) {
                Document b = bookings.find(new Document("_id", leg.getString("bookingId")))
                        .projection(new Document("status", 1).append("awaitingApproval", 1)).first();
                legStates.add(b == null ? "ABSENT" : seats(b).name());
            }
            boolean consistent = switch (status == null ? "" : status) {
                case "ON_HOLD" -> legStates.stream().allMatch("HELD"::equals);
                case "PENDING" -> legStates.stream().allMatch(s -> s.equals("HELD") || s.equals("CONFIRMED"));
                case "CONFIRMED" -> legStates.stream().allMatch("CONFIRMED"::equals);
                case "CANCELLED", "EXPIRED", "FAILED" -> legStates.stream().allMatch(s -> s.equals("NONE") || s.equals("ABSENT"));
                default -> false; // HOLDING or RELEASING at the end of the run: a saga left in flight
            };
            if (!consistent) {
                violations.add("route booking " + route.getString("_id") + " is " + status + " but its legs are " + legStates);
            }
        }
    }

    /** From booking-service's {@code Booking}: {@code status} and {@code awaitingApproval}. */
    static Seats seats(Document booking) {
        String status = booking.getString("status");
        return switch (status == null ? "" : status) {
            case "ON_HOLD" -> Seats.HELD;
            case "CONFIRMED" -> Seats.CONFIRMED;
            case "PENDING" -> booking.getBoolean("awaitingApproval", false) ? Seats.HELD : Seats.UNSETTLED;
            case "CANCELLED", "EXPIRED", "REJECTED", "WAITLISTED" -> Seats.NONE;
            default -> Seats.UNSETTLED;
        };
    }

    private static String describe(Document booking) {
        return booking.getString("status") + ", " + booking.getInteger("units", 0) + " units, awaitingApproval "
                + booking.getBoolean("awaitingApproval", false);
    }

    /** A ledger's {@code holds} or {@code sold}: booking id → units; a booking listed twice is a problem. */
    private static Map<String, Integer> entries(Document slot, String field, List<String> problems) {
        Map<String, Integer> entries = new TreeMap<>();
        for (Document entry : slot.getList(field, Document.class, List.of())) {
            if (entries.put(entry.getString("bookingId"), entry.getInteger("units", 0)) != null) {
                problems.add(field + " lists booking " + entry.getString("bookingId") + " twice");
            }
        }
        return entries;
    }

    private static int sum(Map<String, Integer> units) {
        return units.values().stream().mapToInt(Integer::intValue).sum();
    }
}
