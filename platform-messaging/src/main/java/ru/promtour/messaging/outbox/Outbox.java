package ru.promtour.messaging.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Puts events into an aggregate's {@code outbox} array in the SAME single-document write as the state
 * change. MongoDB is atomic per document (and the embedded store has no multi-document
 * transactions), so this is what makes "state changed" and "event will be published" one fact: both
 * happen, or neither does.
 * <pre>{@code
 * Update update = new Update().inc("held", n).push("holds", hold);
 * Outbox.append(update, OutboxEvent.of("catalog.SeatsHeld.v1", "catalog.slots.v1", slotId, bookingId, event, jsonMapper));
 * mongo.findAndModify(query(where("_id").is(slotId).and("free").gte(n)), update, Slot.class);
 * relay.publishPending("slots", slotId);
 * }</pre>
 * Never replace a whole aggregate document (e.g. {@code save()} of a class without an {@code outbox}
 * property) once it may hold pending events: the replacement would drop them. Use updates, or map
 * {@code List<OutboxEvent> outbox} in the class.
 */
public final class Outbox {

    /** The array field on the aggregate document. */
    public static final String FIELD = "outbox";

    private Outbox() {
    }

    /** Adds {@code $push: {outbox: {$each: [...]}}} to a Spring Data update; keeps the given order. */
    public static Update append(Update update, OutboxEvent... events) {
        if (events.length == 0) {
            return update;
        }
        update.push(FIELD).each(documents(Arrays.asList(events)).toArray());
        return update;
    }

    /** Same as {@link #append(Update, OutboxEvent...)} for a list. */
    public static Update append(Update update, List<OutboxEvent> events) {
        return append(update, events.toArray(OutboxEvent[]::new));
    }

    /** The driver-level {@code $push ... $each} for code that writes with the MongoDB driver directly. */
    public static Bson pushUpdate(OutboxEvent... events) {
        return Updates.pushEach(FIELD, documents(Arrays.asList(events)));
    }

    /** The sub-documents as stored in the array. */
    public static List<Document> documents(List<OutboxEvent> events) {
        List<Document> docs = new ArrayList<>(events.size());
        events.forEach(e -> docs.add(e.toDocument()));
        return docs;
    }

    /**
     * Inserts a NEW aggregate together with its first events in one single-document insert (for
     * creation events such as {@code BookingRequested}). The aggregate is mapped with the template's
     * converter, so it is stored exactly as {@code insert(aggregate, collection)} would store it.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the id is taken
     */
    public static void insert(MongoOperations mongo, String collection, Object aggregate, OutboxEvent... events) {
        Document doc = new Document();
        mongo.getConverter().write(aggregate, doc);
        doc.put(FIELD, documents(Arrays.asList(events)));
        mongo.insert(doc, collection);
    }
}
