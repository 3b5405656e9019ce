package ru.promtour.messaging.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Events the broker acknowledged, removed from their aggregates' outboxes in batches: every {@code interval}
 * one unordered bulk write per collection, one {@code $pull} per aggregate for all of its acknowledged events.
 * On a hot aggregate (a slot everyone reserves) many acknowledgements become one write; elsewhere the writes
 * share one round trip and leave the request thread. An acknowledgement lost in a crash, or a failed flush,
 * leaves its event in the outbox: the timer publishes it again with the same {@code ce_id}, which consumers
 * drop — the at-least-once contract of the outbox, unchanged.
 */
final class SentEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SentEvents.class);

    private record Sent(String collection, Object id, String eventId) {
    }

    private final MongoOperations mongo;
    private final ConcurrentLinkedQueue<Sent> queue = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher;

    SentEvents(MongoOperations mongo, Duration interval) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-sent-events");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        flusher.scheduleWithFixedDelay(this::flush, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The broker acknowledged this event of the aggregate {@code id} (its {@code _id} as stored). */
    void add(String collection, Object id, String eventId) {
        queue.add(new Sent(collection, id, eventId));
    }

    /** Removes every event acknowledged so far from its outbox; failures are logged, never thrown. */
    int flush() {
        Map<String, Map<Object, List<String>>> byCollection = new LinkedHashMap<>();
        int drained = 0;
        for (Sent sent; (sent = queue.poll()) != null; drained++) {
            byCollection.computeIfAbsent(sent.collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(sent.id(), i -> new ArrayList<>()).add(sent.eventId());
        }
        byCollection.forEach((collection, byId) -> {
            List<WriteModel<Document>> pulls = new ArrayList<>(byId.size());
            byId.forEach((id, eventIds) -> pulls.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    OutboxRelay.pullOf(eventIds))));
            try {
                mongo.execute(collection, coll -> coll.bulkWrite(pulls, new BulkWriteOptions().ordered(false)));
            }
            catch (RuntimeException ex) {
                log.warn("Outbox of {}: {} published event(s) not removed ({}); they will be published again with "
                        + "the same ids", collection, byId.values().stream().mapToInt(List::size).sum(), ex.toString());
            }
        });
        return drained;
    }

    /** Stops the timer and removes what was acknowledged until now. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
