package ru.promtour.booking.booking;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads and writes booking documents. A transition is written with ONE conditional update: filter on the id
 * and the version that was read, {@code $set}/{@code $unset} of the changed copy, {@code $inc} of the version
 * and {@code $push} of its events into the outbox; then the outbox is relayed at once (fast path, the relay
 * timer is the safety net). A concurrent writer makes the update match nothing and the caller decides again.
 */
@Component
public class BookingStore {

    static final String OPERATOR_UUID_INDEX = "operator_uuid_unique";
    static final String SUPPLIER_REFERENCE_INDEX = "supplier_reference_unique";

    private static final List<String> FIELDS = Arrays.stream(Booking.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .map(Field::getName)
            .filter(name -> !name.equals("id") && !name.equals("version"))
            .toList();

    private final MongoOperations mongo;
    private final OutboxRelay relay;

    BookingStore(MongoOperations mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
        // the booking's own record of what it announced: the admin's story of a booking starts there
        relay.keepHistory(Booking.COLLECTION, Booking.HISTORY_LIMIT);
    }

    public Optional<Booking> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Booking.class, Booking.COLLECTION));
    }

    public Optional<Booking> byOperatorUuid(String operatorId, String uuid) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("operatorId").is(operatorId).and("uuid").is(uuid)),
                Booking.class, Booking.COLLECTION));
    }

    /** Those of {@code ids} that are stored (reads the ids only). */
    public Set<String> existing(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        mongo.find(query, Document.class, Booking.COLLECTION).forEach(d -> found.add(String.valueOf(d.get("_id"))));
        return found;
    }

    /** The slot each stored booking of {@code ids} is on (a booking owns seats only there). */
    public Map<String, String> slotsOf(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("_id").include("slotId");
        Map<String, String> found = new HashMap<>();
        mongo.find(query, Document.class, Booking.COLLECTION)
                .forEach(d -> found.put(String.valueOf(d.get("_id")), d.getString("slotId")));
        return found;
    }

    public List<Booking> find(Query query) {
        return mongo.find(query, Booking.class, Booking.COLLECTION);
    }

    /**
     * Inserts a new booking, with its first events if any in the same insert, then relays them.
     *
     * @throws org.springframework.dao.DuplicateKeyException on a taken (operator, uuid) or supplier reference
     */
    public void insert(Booking booking, OutboxEvent... events) {
        Outbox.insert(mongo, Booking.COLLECTION, booking, events);
        if (events.length > 0) {
            relay.publishPending(Booking.COLLECTION, booking.id());
        }
    }

    /** Writes {@code after} over {@code before} if nobody wrote in between; empty when someone did. */
    Optional<Booking> write(Booking before, Booking after, OutboxEvent... events) {
        Document doc = new Document();
        mongo.getConverter().write(after, doc);
        Update update = new Update();
        for (String field : FIELDS) {
            Object value = doc.get(field);
            if (value == null) {
                update.unset(field);
            }
            else {
                update.set(field, value);
            }
        }
        update.inc("version", 1);
        Outbox.append(update, events);
        Query guard = Query.query(where("_id").is(before.id()).and("version").is(before.version()));
        if (mongo.updateFirst(guard, update, Booking.COLLECTION).getModifiedCount() != 1) {
            return Optional.empty();
        }
        if (events.length > 0) {
            relay.publishPending(Booking.COLLECTION, before.id());
        }
        return byId(before.id());
    }
}
