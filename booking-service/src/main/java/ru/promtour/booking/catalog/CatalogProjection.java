package ru.promtour.booking.catalog;

import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps and reads the projection. Every write is a version-conditional upsert: the filter matches only a
 * missing document or an older version, so a redelivered or late event changes nothing (its upsert then
 * collides with the newer document's id and is dropped).
 */
@Service
public class CatalogProjection {

    private static final Logger log = LoggerFactory.getLogger(CatalogProjection.class);

    private final MongoOperations mongo;

    public CatalogProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<ExcursionView> excursion(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, ExcursionView.class));
    }

    public Optional<SlotView> slot(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, SlotView.class));
    }

    /** {@code ExcursionPublished} / {@code ExcursionUpdated}: the program as it now is. */
    public boolean excursionChanged(String id, String enterpriseId, long version, Program program) {
        return upsert(ExcursionView.COLLECTION, id, version, new ExcursionView(id, enterpriseId, version, true, program));
    }

    /** {@code ExcursionUnpublished}: keep the program (bookings still need it), refuse new reservations. */
    public boolean excursionUnpublished(String id, String enterpriseId, long version) {
        Update update = new Update().set("published", false).set("version", version).set("enterpriseId", enterpriseId);
        return versioned(ExcursionView.COLLECTION, id, version, update);
    }

    /** Any {@code Slot*} event: the slot as it now is. */
    public boolean slotChanged(SlotView slot) {
        return upsert(SlotView.COLLECTION, slot.id(), slot.version(), slot);
    }

    /** A seat answer's counts; seat events carry no slot version, their per-slot order on the topic is kept. */
    public void seatsChanged(String slotId, int available) {
        mongo.updateFirst(Query.query(where("_id").is(slotId)), new Update().set("available", available), SlotView.class);
    }

    private boolean upsert(String collection, String id, long version, Object view) {
        Document doc = new Document();
        mongo.getConverter().write(view, doc);
        doc.remove("_id");
        doc.remove("_class");
        Update update = new Update();
        doc.forEach(update::set);
        return versioned(collection, id, version, update);
    }

    private boolean versioned(String collection, String id, long version, Update update) {
        Query newerOrMissing = Query.query(where("_id").is(id).and("version").lt(version));
        try {
            mongo.upsert(newerOrMissing, update, collection);
            return true;
        }
        catch (DuplicateKeyException ex) {
            log.debug("{} {} is already at a version >= {}; event ignored", collection, id, version);
            return false;
        }
    }
}
