package ru.promtour.catalog.slot;

import java.util.List;

import org.bson.Document;

/**
 * The filters that keep seat counts right under concurrency, as raw documents so they read the same in
 * the MongoDB shell. Each is one single-document condition (atomic on MongoDB and on the embedded
 * mongo-wire store, which both evaluate {@code $expr}).
 */
public final class SeatGuards {

    private SeatGuards() {
    }

    /** held + confirmed + extra ≤ limit, evaluated on the stored document at write time. */
    public static Document soldPlusAtMost(int extra, int limit) {
        return new Document("$expr", new Document("$lte",
                List.of(new Document("$add", List.of("$held", "$confirmed", extra)), limit)));
    }

    /** held + confirmed + n ≤ capacity (of the stored document). */
    public static Document fitsCapacity(int n) {
        return new Document("$expr", new Document("$lte",
                List.of(new Document("$add", List.of("$held", "$confirmed", n)), "$capacity")));
    }

    /**
     * The hold filter of the seat saga: the slot is open, this booking holds nothing there yet, and n more
     * seats fit. With {@code $inc held n}, {@code $push holds} and the outbox append as the update, one
     * {@code findAndModify} holds the seats exactly once.
     */
    public static Document hold(String slotId, String bookingId, int n) {
        Document filter = new Document("_id", slotId)
                .append("status", SlotStatus.OPEN.name())
                .append("holds.bookingId", new Document("$ne", bookingId))
                .append("confirmedBookings.bookingId", new Document("$ne", bookingId));
        filter.putAll(fitsCapacity(n));
        return filter;
    }
}
