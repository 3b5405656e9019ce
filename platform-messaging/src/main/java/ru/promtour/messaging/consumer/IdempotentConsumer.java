package ru.promtour.messaging.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Makes a Kafka consumer effectively-once on top of at-least-once delivery: it remembers which event
 * ids each consumer has processed, in the collection {@value #COLLECTION}
 * ({@code {_id: consumer + ":" + eventId, consumer, eventId, processedAt}}, TTL index on
 * {@code processedAt}), and skips an event it has seen.
 * <p>
 * Why: the outbox relay re-publishes after a crash, the broker redelivers after a rebalance, and the
 * error handler retries; all of these hand the same {@code ce_id} to the listener again.
 * <p>
 * <b>The remaining window.</b> The record is written AFTER the action succeeded (so a failing action is
 * retried, not forgotten). If the process dies between the action and the record, or two deliveries
 * of the same event race, the action runs twice. Therefore the action's own write must still be
 * conditional/idempotent where it matters (e.g. "hold seats unless this booking already holds",
 * "release only an existing hold", an upsert keyed by the event). This helper removes the common
 * duplicates cheaply; it does not replace a conditional update. Ids older than the TTL are
 * forgotten: pick a TTL well beyond the longest redelivery you expect (topic retention).
 */
public class IdempotentConsumer implements SmartInitializingSingleton {

    /** The collection holding processed event ids. */
    public static final String COLLECTION = "processed_events";
    /** The name of the TTL index on {@code processedAt}. */
    public static final String TTL_INDEX = "processedAt_ttl";

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final MongoOperations mongo;
    private final Duration ttl;
    private volatile boolean indexReady;

    public IdempotentConsumer(MongoOperations mongo, Duration ttl) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
    }

    /**
     * Runs {@code action} unless {@code consumer} already processed {@code eventId}, then records it.
     *
     * @param consumer a stable name of the consuming logic, e.g. {@code catalog.seat-holds}; two
     *                 different handlers of the same event use two names
     * @param eventId  the event's {@code ce_id}
     * @param action   the handler; if it throws, nothing is recorded and the exception propagates
     *                 (so the container's error handler retries it)
     * @return true if the action ran, false if the event was already processed
     */
    public boolean runOnce(String consumer, String eventId, Runnable action) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(eventId, "eventId");
        if (isProcessed(consumer, eventId)) {
            log.debug("Skipping already processed event {} for {}", eventId, consumer);
            return false;
        }
        action.run();
        record(consumer, eventId);
        return true;
    }

    /** Whether {@code consumer} has recorded {@code eventId} (within the TTL). */
    public boolean isProcessed(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    /**
     * Records {@code eventId} as processed by {@code consumer}, for handlers that deduplicate on their
     * own but want later deliveries skipped. A concurrent duplicate record is tolerated.
     */
    public void record(String consumer, String eventId) {
        ensureIndex();
        Document doc = new Document("_id", key(consumer, eventId))
                .append("consumer", consumer)
                .append("eventId", eventId)
                .append("processedAt", Date.from(Instant.now()));
        try {
            mongo.insert(doc, COLLECTION);
        }
        catch (DuplicateKeyException ex) {
            log.debug("Event {} for {} was recorded concurrently", eventId, consumer);
        }
    }

    /** How long processed ids are remembered. */
    public Duration ttl() {
        return ttl;
    }

    /** Creates (or adjusts) the TTL index on start. */
    @Override
    public void afterSingletonsInstantiated() {
        ensureIndex();
    }

    /** Creates the TTL index, or changes its expiry if the configured TTL changed. Failures are logged. */
    public void ensureIndex() {
        if (indexReady) {
            return;
        }
        synchronized (this) {
            if (indexReady) {
                return;
            }
            try {
                IndexInfo existing = mongo.indexOps(COLLECTION).getIndexInfo().stream()
                        .filter(info -> TTL_INDEX.equals(info.getName()))
                        .findFirst().orElse(null);
                if (existing == null) {
                    mongo.indexOps(COLLECTION).createIndex(
                            new Index().on("processedAt", Sort.Direction.ASC).named(TTL_INDEX).expire(ttl));
                }
                else if (!existing.getExpireAfter().map(ttl::equals).orElse(false)) {
                    mongo.indexOps(COLLECTION).alterIndex(TTL_INDEX, IndexOptions.expireAfter(ttl));
                }
                indexReady = true;
            }
            catch (RuntimeException ex) {
                log.warn("Cannot create the TTL index on {} (will retry on next record): {}", COLLECTION,
                        ex.toString());
            }
        }
    }

    static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
