package ru.promtour.reporting.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The projection's collections, one set per generation ({@code bookings_g<N>}, {@code slots_g<N>},
 * {@code programs_g<N>}), written by the event handlers and read through {@link #current()}.
 * <p>
 * Every write is one single-document operation: a booking's facts are replaced only at the revision read (two
 * partitions may carry one booking's events after it moved to another slot; the loser throws
 * {@link OptimisticLockingFailureException} and the listener's error handler delivers the event again), a slot or a
 * program is overwritten only by a version at least as new.
 */
@Component
public class ProjectionStore {

    private final MongoOperations mongo;
    private final Generations generations;
    private final Clock clock;

    public ProjectionStore(MongoOperations mongo, Generations generations, Clock clock) {
        this.mongo = mongo;
        this.generations = generations;
        this.clock = clock;
    }

    public static String bookings(int generation) {
        return "bookings_g" + generation;
    }

    public static String slots(int generation) {
        return "slots_g" + generation;
    }

    public static String programs(int generation) {
        return "programs_g" + generation;
    }

    /** The indexes the reports' queries use, on one generation's collections. */
    public void ensureIndexes(int generation) {
        mongo.indexOps(bookings(generation)).createIndex(new Index().on("visitDate", Sort.Direction.ASC).named("visitDate"));
        mongo.indexOps(bookings(generation)).createIndex(new Index().on("visitMonth", Sort.Direction.ASC)
                .on("receivedAt", Sort.Direction.ASC).named("visitMonth_receivedAt"));
        mongo.indexOps(slots(generation)).createIndex(new Index().on("localDate", Sort.Direction.ASC).named("localDate"));
    }

    /** Applies a lifecycle event to its booking's facts; a second copy of the event changes nothing. */
    public void applyBooking(int generation, String eventId, String type, Instant eventTime, BookingEvent event) {
        if (event.bookingId() == null) {
            throw new IllegalArgumentException(type + " " + eventId + " has no bookingId");
        }
        String collection = bookings(generation);
        BookingFact current = mongo.findById(event.bookingId(), BookingFact.class, collection);
        BookingFact next = BookingFact.apply(current, eventId, type, eventTime, event, Instant.now(clock));
        if (next == current) {
            return;
        }
        if (current == null) {
            try {
                mongo.insert(next, collection);
            }
            catch (DuplicateKeyException raced) {
                throw new OptimisticLockingFailureException("Booking " + event.bookingId() + " was written meanwhile", raced);
            }
            return;
        }
        long matched = mongo.replace(Query.query(Criteria.where("_id").is(next.id()).and("revision").is(current.revision())),
                next, collection).getMatchedCount();
        if (matched == 0) {
            throw new OptimisticLockingFailureException("Booking " + next.id() + " changed since revision " + current.revision());
        }
    }

    /** Records a slot as its newest event tells it. */
    public void applySlot(int generation, SlotEvent event) {
        SlotFact fact = SlotFact.of(event);
        Update update = new Update().set("programId", fact.programId()).set("enterpriseId", fact.enterpriseId())
                .set("start", fact.start()).set("timeZone", fact.timeZone()).set("localDate", fact.localDate())
                .set("month", fact.month()).set("capacity", fact.capacity()).set("status", fact.status())
                .set("allDay", fact.allDay()).set("version", fact.version());
        upsertIfNewer(slots(generation), fact.id(), fact.version(), update);
    }

    /** Records a program: its enterprise's dimensions and, when published or updated, its price list from then on. */
    public void applyProgram(int generation, boolean published, ProgramEvent event) {
        long version = event.version() == null ? 0 : event.version();
        Update update = new Update().set("version", version).set("status", published ? "PUBLISHED" : "UNPUBLISHED");
        if (event.enterpriseId() != null) {
            update.set("enterpriseId", event.enterpriseId());
        }
        ProgramEvent.Excursion x = event.excursion();
        if (published && x != null) {
            if (x.enterprise() != null) {
                update.set("enterpriseName", x.enterprise().name()).set("region", x.enterprise().region())
                        .set("industry", x.enterprise().industry());
            }
            if (x.title() != null) {
                update.set("title", x.title().ru());
            }
            List<ProgramFact.UnitPrice> prices = x.units() == null ? List.of() : x.units().stream()
                    .map(u -> new ProgramFact.UnitPrice(u.id(), u.type(), u.price() == null ? 0 : u.price(),
                            u.currency() == null ? "RUB" : u.currency())).toList();
            // keyed by version: the same event twice sets the same entry
            update.set("prices." + version, new ProgramFact.PriceList(version, event.occurredAt(), prices));
        }
        upsertIfNewer(programs(generation), event.excursionId(), version, update);
    }

    private void upsertIfNewer(String collection, String id, long version, Update update) {
        Query newer = Query.query(Criteria.where("_id").is(id).and("version").lte(version));
        try {
            mongo.upsert(newer, update, collection);
        }
        catch (DuplicateKeyException exists) {
            // the document exists with a newer version (nothing to do), or was inserted meanwhile by an older event:
            // the update alone settles which
            mongo.updateFirst(newer, update, collection);
        }
    }

    /** Drops a generation's collections (the one a rebuild replaced, or a failed rebuild's). */
    public void drop(int generation) {
        mongo.dropCollection(bookings(generation));
        mongo.dropCollection(slots(generation));
        mongo.dropCollection(programs(generation));
    }

    /** The generation the reports read now. */
    public Reader current() {
        return new Reader(generations.current());
    }

    /** Reads one generation. */
    public final class Reader {

        private final int generation;

        Reader(int generation) {
            this.generation = generation;
        }

        public int generation() {
            return generation;
        }

        public List<BookingFact> bookings(Criteria criteria) {
            return mongo.find(Query.query(criteria), BookingFact.class, ProjectionStore.bookings(generation));
        }

        public List<SlotFact> slots(Criteria criteria) {
            return mongo.find(Query.query(criteria), SlotFact.class, ProjectionStore.slots(generation));
        }

        /** Every program by id (a few thousand at national scale: read whole for the dimensions). */
        public Map<String, ProgramFact> programs() {
            return mongo.findAll(ProgramFact.class, ProjectionStore.programs(generation)).stream()
                    .collect(Collectors.toMap(ProgramFact::id, Function.identity()));
        }
    }
}
