package ru.promtour.faults;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * The count after a scenario, from the clients' history against what the platform holds:
 * <ul>
 *   <li><b>lost</b>: a booking the client was told ON_HOLD that booking-service's store no longer has, or that went back
 *       on what the client was told (told CONFIRMED, now EXPIRED; told CANCELLED, now anything else);</li>
 *   <li><b>oversold</b>: a slot of the scenario whose seat ledger holds more than its capacity, or whose held/sold
 *       counts differ from the units of the bookings holding or owning seats there (also bookings whose outcome
 *       the client never learnt), or whose catalog read model disagrees with the ledger;</li>
 *   <li><b>messages lost / duplicated</b>: per confirmed booking, the group leader's confirmation email and SMS
 *       (exactly one each), and any message a leader got twice (same channel, subject and text);</li>
 *   <li><b>unexpired</b>: a hold nobody confirmed or cancelled that is still ON_HOLD after its expiry.</li>
 * </ul>
 */
final class Checks {

    /** What the count found; {@link #whole()} when nothing is lost, duplicated or oversold. */
    record Count(int bookings, int confirmed, int lost, int oversold, int messagesLost, int messagesDuplicated, int unexpired,
                 int heldSeats, int soldSeats, List<String> problems) {

        boolean whole() {
            return problems.isEmpty();
        }
    }

    private final MongoClient mongo;
    private final Client messages;

    Checks(MongoClient mongo, Client messages) {
        this.mongo = mongo;
        this.messages = messages;
    }

    Count count(Workload.Site site, History history) {
        List<String> problems = new ArrayList<>();
        int lost = 0;
        int unexpired = 0;
        List<History.Booking> confirmed = new ArrayList<>();
        Map<String, String> statuses = new HashMap<>();
        List<String> ids = history.bookings().stream().map(b -> b.id).toList();
        mongo.getDatabase("booking").getCollection("bookings").find(Filters.in("_id", ids))
                .forEach(booking -> statuses.put(booking.getString("_id"), booking.getString("status")));
        for (History.Booking booking : history.bookings()) {
            String status = statuses.getOrDefault(booking.id, "MISSING");
            String problem = verdict(booking, status);
            if (problem != null) {
                lost++;
                problems.add("booking " + booking.uuid + " (" + booking.reference + "): " + problem);
            }
            if ("ON_HOLD".equals(status) && !booking.confirmTried && !booking.cancelTried) {
                unexpired++;
                problems.add("booking " + booking.uuid + " is still ON_HOLD after its one-minute hold");
            }
            if (booking.email != null && (booking.toldConfirmed || "CONFIRMED".equals(status))) {
                confirmed.add(booking);
            }
        }
        int[] seats = new int[2];
        int oversold = seats(site, problems, seats);
        int[] mail = messages(confirmed, problems);
        return new Count(history.bookings().size(), confirmed.size(), lost, oversold, mail[0], mail[1], unexpired, seats[0],
                seats[1], problems);
    }

    /** Null when the booking's state now is what the client was told or a state it can lawfully have reached since. */
    private static String verdict(History.Booking booking, String status) {
        if (status.equals("MISSING")) {
            return "told ON_HOLD, now missing from the store";
        }
        if (booking.toldCancelled) {
            return "CANCELLED".equals(status) ? null : "told CANCELLED, now " + status;
        }
        if (booking.toldConfirmed) {
            return "CONFIRMED".equals(status) || ("CANCELLED".equals(status) && booking.cancelTried) ? null
                    : "told CONFIRMED, now " + status;
        }
        return switch (status) {
            case "ON_HOLD", "EXPIRED" -> null;
            case "CONFIRMED" -> booking.confirmTried ? null : "never confirmed, now CONFIRMED";
            case "CANCELLED" -> booking.cancelTried ? null : "never cancelled, now CANCELLED";
            default -> "told ON_HOLD, now " + status;
        };
    }

    /** The scenario's slots: ledger within capacity and equal to its live bookings; the catalog shows the ledger. */
    private int seats(Workload.Site site, List<String> problems, int[] totals) {
        Map<String, Integer> held = new HashMap<>();
        Map<String, Integer> sold = new HashMap<>();
        for (Document booking : mongo.getDatabase("booking").getCollection("bookings").find(Filters.in("slotId", site.slots()))) {
            int units = booking.getInteger("units", 0);
            switch (String.valueOf(booking.getString("status"))) {
                case "ON_HOLD" -> held.merge(booking.getString("slotId"), units, Integer::sum);
                case "CONFIRMED" -> sold.merge(booking.getString("slotId"), units, Integer::sum);
                case "PENDING" -> held.merge(booking.getString("slotId"), booking.getBoolean("awaitingApproval", false) ? units : 0,
                        Integer::sum);
                default -> { }
            }
        }
        Map<String, Document> catalog = new HashMap<>();
        mongo.getDatabase("catalog").getCollection("slots").find(Filters.in("_id", site.slots()))
                .forEach(slot -> catalog.put(slot.getString("_id"), slot));
        int oversold = 0;
        for (Document ledger : mongo.getDatabase("booking").getCollection("ledgers").find(Filters.in("_id", site.slots()))) {
            String slot = ledger.getString("_id");
            int capacity = ledger.getInteger("capacity", 0);
            int ledgerHeld = ledger.getInteger("held", 0);
            int ledgerSold = ledger.getInteger("confirmed", 0);
            totals[0] += ledgerHeld;
            totals[1] += ledgerSold;
            List<String> wrong = new ArrayList<>();
            if (ledgerHeld + ledgerSold > capacity) {
                wrong.add("held + sold " + (ledgerHeld + ledgerSold) + " > capacity " + capacity);
            }
            if (ledgerHeld != held.getOrDefault(slot, 0) || ledgerSold != sold.getOrDefault(slot, 0)) {
                wrong.add("ledger held/sold " + ledgerHeld + "/" + ledgerSold + ", bookings " + held.getOrDefault(slot, 0) + "/"
                        + sold.getOrDefault(slot, 0));
            }
            Document shown = catalog.get(slot);
            if (shown == null || shown.getInteger("held", -1) != ledgerHeld || shown.getInteger("confirmed", -1) != ledgerSold) {
                wrong.add("catalog shows " + (shown == null ? "nothing" : shown.getInteger("held", -1) + "/" + shown.getInteger("confirmed", -1)));
            }
            if (!wrong.isEmpty()) {
                oversold++;
                problems.add("slot " + slot + ": " + String.join("; ", wrong));
            }
        }
        return oversold;
    }

    /** {lost, duplicated}: confirmations missing or doubled, and any leader message that arrived twice. */
    private int[] messages(List<History.Booking> confirmed, List<String> problems) {
        int lost = 0;
        int duplicated = 0;
        for (History.Booking booking : confirmed) {
            long notifiedAt = 0;
            for (String recipient : List.of(booking.email, booking.phone)) {
                JsonNode received = messages.get("/api/messages?to=" + URLEncoder.encode(recipient, StandardCharsets.UTF_8)).body();
                int confirmations = 0;
                Set<String> seen = new HashSet<>();
                for (JsonNode message : received) {
                    String text = message.path("subject").asText("") + "|" + message.path("body").asText("");
                    if (text.contains(booking.reference) && (text.contains("подтвержден") || text.contains("confirmed"))) {
                        confirmations++;
                        notifiedAt = Math.max(notifiedAt, Instant.parse(message.path("receivedAt").asText()).toEpochMilli());
                    }
                    else if (!seen.add(message.path("channel").asText() + "|" + text)) {
                        duplicated++;
                        problems.add(recipient + " got the same " + message.path("channel").asText() + " twice: "
                                + abbreviate(message.path("subject").asText(message.path("body").asText())));
                    }
                }
                if (confirmations == 0) {
                    lost++;
                    problems.add(recipient + " never got the confirmation of " + booking.reference);
                }
                else if (confirmations > 1) {
                    duplicated += confirmations - 1;
                    problems.add(recipient + " got the confirmation of " + booking.reference + " " + confirmations + " times");
                }
            }
            booking.notifiedAt = notifiedAt;
        }
        return new int[] {lost, duplicated};
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
