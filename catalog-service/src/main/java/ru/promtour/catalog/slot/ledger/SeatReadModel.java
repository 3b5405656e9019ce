package ru.promtour.catalog.slot.ledger;

import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import ru.promtour.catalog.slot.Slot;

/**
 * Keeps each slot's seat counts as the ledger last announced them. This runs once per reserve (every hold,
 * sale and release is a snapshot), so it reads nothing and writes each slot once per call: the caller hands
 * in only the newest snapshot per slot, and all of them go to the store in one unordered bulk of
 * conditional updates.
 * <p>
 * The filter {@code ledgerVersion} not ≥ v makes the update a no-op for a duplicate or an older snapshot
 * arriving late (a redelivery, a rebalance, a second instance), so the read model only moves forward. It is
 * written as {@code $not $gte} rather than {@code $lt} so that a slot stored before the field existed
 * (no {@code ledgerVersion}) still takes its first snapshot. An unknown slot id matches nothing.
 */
@Service
public class SeatReadModel {

    /** Marks a slot whose counts or status changed, until its availability is announced (AvailabilityAnnouncer). */
    public static final String AVAILABILITY_CHANGED = "availabilityChanged";

    private final MongoOperations mongo;

    public SeatReadModel(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Applies the newest ledger of each slot; returns how many slots changed. */
    public int apply(Map<String, Ledger> newestBySlot) {
        if (newestBySlot.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Slot.COLLECTION);
        newestBySlot.forEach((slotId, ledger) -> bulk.updateOne(new BasicQuery(newerThanStored(slotId, ledger.version())),
                setCounts(new Update(), ledger)));
        return bulk.execute().getModifiedCount();
    }

    /** The slot, if the stored read model is older than {@code version} (or has none yet). */
    static Document newerThanStored(String slotId, long version) {
        return new Document("_id", slotId)
                .append("ledgerVersion", new Document("$not", new Document("$gte", version)));
    }

    /**
     * Adds the read-model fields of a ledger snapshot to {@code update}, and marks the slot's availability as changed
     * for the operators' webhooks (AvailabilityAnnouncer renders and announces it later, off this path).
     */
    static Update setCounts(Update update, Ledger ledger) {
        return update.set("capacity", ledger.capacity()).set("held", ledger.held())
                .set("confirmed", ledger.confirmed()).set("status", ledger.status().name())
                .set("allotted", ledger.allotted() == null ? 0 : ledger.allotted()).set("allotments", ledger.allotments())
                .set("ledgerVersion", ledger.version()).set(AVAILABILITY_CHANGED, true);
    }
}
