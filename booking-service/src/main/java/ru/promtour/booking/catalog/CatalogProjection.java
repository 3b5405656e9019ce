package ru.promtour.booking.catalog;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    /**
     * Every reserve validates against its program and slot: a second of staleness is harmless there (the seat
     * ledger decides holds, and programs change rarely), two store reads per reserve are not. This instance's
     * own writes evict at once.
     */
    private static final Duration CACHED_FOR = Duration.ofSeconds(1);

    private final MongoOperations mongo;
    private final Cache<String, Optional<ExcursionView>> excursions = Caffeine.newBuilder()
            .expireAfterWrite(CACHED_FOR).maximumSize(10_000).build();
    private final Cache<String, Optional<RouteView>> routes = Caffeine.newBuilder()
            .expireAfterWrite(CACHED_FOR).maximumSize(10_000).build();
    private final Cache<String, Optional<SlotView>> slots = Caffeine.newBuilder()
            .expireAfterWrite(CACHED_FOR).maximumSize(100_000).build();

    public CatalogProjection(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<ExcursionView> excursion(String id) {
        return id == null ? Optional.empty()
                : excursions.get(id, key -> Optional.ofNullable(mongo.findById(key, ExcursionView.class)));
    }

    /**
     * A route by id. Every reserve asks (is its product a route?): the catalog names routes {@code route-<uuid>}, so
     * an excursion's id is answered without a cache entry or a read.
     */
    public Optional<RouteView> route(String id) {
        return id == null || !id.startsWith("route-") ? Optional.empty()
                : routes.get(id, key -> Optional.ofNullable(mongo.findById(key, RouteView.class)));
    }

    /** {@code RouteSaved}: the route as it now is. */
    public boolean routeSaved(RouteView route) {
        routes.invalidate(route.id());
        return upsert(RouteView.COLLECTION, route.id(), route.version(), route);
    }

    /** {@code RouteWithdrawn}: kept (its bookings still name it), no new bookings. */
    public boolean routeWithdrawn(String id, long version) {
        routes.invalidate(id);
        return versioned(RouteView.COLLECTION, id, version, new Update().set("status", "WITHDRAWN").set("version", version));
    }

    public Optional<SlotView> slot(String id) {
        return id == null ? Optional.empty() : slots.get(id, key -> Optional.ofNullable(mongo.findById(key, SlotView.class)));
    }

    /** {@code ExcursionPublished} / {@code ExcursionUpdated}: the program as it now is. */
    public boolean excursionChanged(String id, String enterpriseId, long version, Program program) {
        excursions.invalidate(id);
        return upsert(ExcursionView.COLLECTION, id, version, new ExcursionView(id, enterpriseId, version, true, program));
    }

    /** {@code ExcursionUnpublished}: keep the program (bookings still need it), refuse new reservations. */
    public boolean excursionUnpublished(String id, String enterpriseId, long version) {
        excursions.invalidate(id);
        Update update = new Update().set("published", false).set("version", version).set("enterpriseId", enterpriseId);
        return versioned(ExcursionView.COLLECTION, id, version, update);
    }

    /** Any {@code Slot*} event: the slot as it now is. */
    public boolean slotChanged(SlotView slot) {
        slots.invalidate(slot.id());
        return upsert(SlotView.COLLECTION, slot.id(), slot.version(), slot);
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
