package ru.promtour.reporting.projection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of the projection the reports read, and the rebuild in progress, if any. A rebuild replays the
 * topics from their first offset into generation N + 1 beside the live one; once it has read up to the offsets the
 * topics had when it started, {@link #switchTo} makes it the one read (a conditional write: with several instances,
 * one switch wins) and the old one is dropped.
 * <p>
 * Documents in {@value #COLLECTION}: {@code {_id: "current", generation, since}} and
 * {@code {_id: "rebuild", generation, from, state, requestedAt, requestedBy, finishedAt, targets: {"topic:partition": offset}}}.
 */
@Component
public class Generations {

    public static final String COLLECTION = "projection_generations";
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    private static final String CURRENT = "current";
    private static final String REBUILD = "rebuild";

    private final MongoOperations mongo;
    private final Clock clock;

    public Generations(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The generation the reports read; the first call on an empty store makes it 1. */
    public int current() {
        Document doc = mongo.findById(CURRENT, Document.class, COLLECTION);
        if (doc != null) {
            return doc.getInteger("generation");
        }
        try {
            mongo.insert(new Document("_id", CURRENT).append("generation", 1).append("since", Instant.now(clock)), COLLECTION);
        }
        catch (DuplicateKeyException raced) {
            // another instance made it first
        }
        return mongo.findById(CURRENT, Document.class, COLLECTION).getInteger("generation");
    }

    /** When the current generation became the one read. */
    public Instant currentSince() {
        Document doc = mongo.findById(CURRENT, Document.class, COLLECTION);
        return doc == null ? null : doc.get("since", java.util.Date.class).toInstant();
    }

    /** The last rebuild asked for, running or finished. */
    public Optional<Rebuild> rebuild() {
        return Optional.ofNullable(mongo.findById(REBUILD, Document.class, COLLECTION)).map(Rebuild::of);
    }

    /**
     * Records a rebuild into {@code current + 1} up to {@code targets}, unless one is running.
     *
     * @return the rebuild, or empty when one is already running
     */
    public Optional<Rebuild> startRebuild(Map<String, Long> targets, String requestedBy) {
        int from = current();
        int next = Math.max(from, rebuild().map(Rebuild::generation).orElse(0)) + 1;
        Update update = new Update().set("generation", next).set("from", from).set("state", RUNNING)
                .set("requestedAt", Instant.now(clock)).set("requestedBy", requestedBy).set("targets", new Document(
                        targets.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                e -> e.getKey().replace('.', '_'), Map.Entry::getValue))))
                .unset("finishedAt");
        try {
            Document doc = mongo.findAndModify(Query.query(Criteria.where("_id").is(REBUILD).and("state").ne(RUNNING)),
                    update, FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return Optional.ofNullable(doc).map(Rebuild::of);
        }
        catch (DuplicateKeyException running) {
            return Optional.empty();
        }
    }

    /** Makes {@code to} the generation read if {@code from} still is; true for the one caller that switched. */
    public boolean switchTo(int from, int to) {
        boolean switched = mongo.updateFirst(Query.query(Criteria.where("_id").is(CURRENT).and("generation").is(from)),
                new Update().set("generation", to).set("since", Instant.now(clock)), COLLECTION).getModifiedCount() == 1;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(REBUILD).and("generation").is(to).and("state").is(RUNNING)),
                new Update().set("state", DONE).set("finishedAt", Instant.now(clock)), COLLECTION);
        return switched;
    }

    /**
     * A rebuild.
     *
     * @param targets the end offset of every partition when it started, keyed {@code topic:partition} (dots of the
     *                topic name stored as {@code _})
     */
    public record Rebuild(int generation, int from, String state, Instant requestedAt, String requestedBy,
                          Instant finishedAt, Map<String, Long> targets) {

        static Rebuild of(Document d) {
            Document t = d.get("targets", Document.class);
            Map<String, Long> targets = new java.util.TreeMap<>();
            if (t != null) {
                t.forEach((k, v) -> targets.put(k.replace('_', '.'), ((Number) v).longValue()));
            }
            return new Rebuild(d.getInteger("generation"), d.getInteger("from", 0), d.getString("state"),
                    instant(d.get("requestedAt")), d.getString("requestedBy"), instant(d.get("finishedAt")), targets);
        }

        private static Instant instant(Object value) {
            return value instanceof java.util.Date date ? date.toInstant() : null;
        }

        public boolean running() {
            return RUNNING.equals(state);
        }
    }
}
