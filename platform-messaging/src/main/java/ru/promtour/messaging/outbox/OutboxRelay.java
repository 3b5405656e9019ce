package ru.promtour.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaOperations;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;

/**
 * Publishes the pending events of an aggregate document to Kafka and then removes exactly those
 * events from its {@code outbox} array.
 * <p>
 * Guarantees:
 * <ul>
 *   <li><b>Never lose:</b> an event leaves the array only after the broker acknowledged it
 *       (idempotent producer, {@code acks=all}). A crash or failure anywhere before that leaves it in
 *       the array, and the timer relay publishes it later.</li>
 *   <li><b>Per-aggregate order:</b> events go out in array order, one after the other, each waiting
 *       for its ack; a failure stops the run so nothing overtakes the failed event.</li>
 *   <li><b>At-least-once, same identity:</b> a crash between the ack and the {@code $pull} means the
 *       event is published again later with the same {@code ce_id}, time and body; consumers
 *       deduplicate on {@code ce_id} (see {@code IdempotentConsumer}).</li>
 *   <li>Runs of the same aggregate inside one JVM are serialized (striped lock); across instances
 *       they may overlap, which again only yields duplicates with the same {@code ce_id}.</li>
 * </ul>
 * Services call {@link #publishPending(String, Object)} right after their write (the fast path, about
 * a millisecond); {@link #publishStale(String)} is the timer's sweep for events left behind.
 */
public class OutboxRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoOperations mongo;
    private final KafkaOperations<String, String> kafka;
    private final String source;
    private final Duration sendTimeout;
    private final Duration staleAfter;
    private final int batchSize;
    private final StripedLocks locks = new StripedLocks(256);
    private final Map<String, Enricher> enrichers = new ConcurrentHashMap<>();
    private final Map<String, Integer> histories = new ConcurrentHashMap<>();
    private final SentEvents sentEvents;
    private volatile ObservationRegistry observations = ObservationRegistry.NOOP;

    /**
     * Completes an event from the aggregate as it is when the event leaves (e.g. the seat ledger's counts
     * and version): the write that appends an event cannot know the state it produces without reading
     * first, and a newer state is still a true state for a reader that keeps the newest version.
     */
    @FunctionalInterface
    public interface Enricher {
        OutboxEvent enrich(OutboxEvent event, Document aggregate);
    }

    /**
     * @param mongo       the service's template (the aggregate's database)
     * @param kafka       a String/String template on an idempotent, {@code acks=all} producer
     * @param source      the {@code ce_source} of every event, e.g. {@code /booking-service}
     * @param sendTimeout how long to wait for one broker ack
     * @param staleAfter  how old an event must be before the timer sweep takes it (keeps the sweep off
     *                    the fast path's feet)
     * @param batchSize   at most this many documents per collection per sweep
     */
    public OutboxRelay(MongoOperations mongo, KafkaOperations<String, String> kafka, String source,
                       Duration sendTimeout, Duration staleAfter, int batchSize) {
        this(mongo, kafka, source, sendTimeout, staleAfter, batchSize, Duration.ofMillis(20));
    }

    /**
     * @param sentFlushInterval how often the events {@link #publishAppended} got acknowledged are removed
     *                          from their outboxes (far below {@code staleAfter}, or the timer publishes them
     *                          again before they are removed)
     */
    public OutboxRelay(MongoOperations mongo, KafkaOperations<String, String> kafka, String source,
                       Duration sendTimeout, Duration staleAfter, int batchSize, Duration sentFlushInterval) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.source = Objects.requireNonNull(source, "source");
        this.sendTimeout = Objects.requireNonNull(sendTimeout, "sendTimeout");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        this.batchSize = batchSize;
        this.sentEvents = new SentEvents(mongo, sentFlushInterval);
    }

    /**
     * Publishes every pending event of one aggregate, in order, then removes them from its outbox.
     * Call it right after the write that appended them. It never throws for broker or store trouble:
     * the write already made the events durable and the timer will retry; the failure is logged.
     *
     * @param collection the aggregate's collection
     * @param id         the aggregate's {@code _id} as stored (a String that is a valid ObjectId also
     *                   matches an ObjectId {@code _id})
     * @return how many events were published and removed by this call (0 if none were pending or
     *         another run took them)
     */
    public int publishPending(String collection, Object id) {
        ReentrantLock lock = locks.lockFor(collection, id);
        lock.lock();
        try {
            return relay(collection, id);
        }
        catch (RuntimeException ex) {
            log.warn("Outbox relay of {}/{} failed, the timer will retry: {}", collection, id, ex.toString());
            return 0;
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Registers the {@link Enricher} of a collection: every event relayed from it is completed from the
     * aggregate document read by the relay (the whole document, not only its outbox).
     */
    public void enrichWith(String collection, Enricher enricher) {
        enrichers.put(collection, Objects.requireNonNull(enricher, "enricher"));
    }

    /**
     * The fast path for a writer that got the aggregate back from its write ({@code findOneAndUpdate}
     * returning the new document): hands exactly the events THIS write appended, completed from that
     * document, to the producer and returns without waiting for the broker. Each event acknowledged is
     * removed from the outbox by the next batch of {@link SentEvents} (a few ms later); one the broker
     * refuses stays for the timer. No read, no lock, no wait: two writers of one aggregate may publish in
     * either order, so use it only where consumers keep the newest state by a version carried in the event
     * (the seat ledger); elsewhere use {@link #publishPending}. Never throws for broker or store trouble.
     */
    public void publishAppended(String collection, Document aggregate, List<OutboxEvent> events) {
        Enricher enricher = enrichers.get(collection);
        Object id = aggregate.get("_id");
        for (OutboxEvent event : events) {
            try {
                producerRecordSent(enricher == null ? event : enricher.enrich(event, aggregate)).whenComplete((result, ex) -> {
                    if (ex == null) {
                        sentEvents.add(collection, id, event.id());
                    }
                    else {
                        log.warn("Outbox relay of {}/{}: {} not acknowledged, the timer will retry: {}", collection, id,
                                event.id(), ex.toString());
                    }
                });
            }
            catch (RuntimeException ex) {
                log.warn("Outbox relay of {}/{} failed, the timer will retry: {}", collection, id, ex.toString());
                return;
            }
        }
    }

    /**
     * Keeps the last {@code limit} events sent from each document of a collection in its {@code outboxHistory}
     * array ({@code {_id, type, topic, subject, time, sentAt, traceparent}}), written by the same update that
     * removes them from the outbox: the aggregate's own record of what it announced, for investigations.
     */
    public void keepHistory(String collection, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        histories.put(collection, limit);
    }

    /**
     * Where the relay's observations go. An event sent outside any observation (the timer's resend, minutes
     * after the request) is sent inside an {@code outbox.relay} observation resumed from the event's stored
     * {@code traceparent}, so the record's headers continue the trace of the work that wrote it.
     */
    public void observeWith(ObservationRegistry registry) {
        this.observations = Objects.requireNonNull(registry, "registry");
    }

    /** Removes what was acknowledged before the application stops. */
    @Override
    public void close() {
        sentEvents.close();
    }

    /**
     * The timer's sweep of one collection: relays every document holding an event older than the
     * "stale after" age (at most the batch size of documents per call).
     *
     * @return how many events were published
     */
    public int publishStale(String collection) {
        Date cutoff = Date.from(Instant.now().minus(staleAfter));
        List<Object> ids = new ArrayList<>();
        mongo.execute(collection, coll -> {
            coll.find(Filters.lt(Outbox.FIELD + "." + OutboxEvent.F_TIME, cutoff))
                    .projection(Projections.include("_id"))
                    .limit(batchSize)
                    .forEach(doc -> ids.add(doc.get("_id")));
            return null;
        });
        int published = 0;
        for (Object id : ids) {
            int count = publishPending(collection, id);
            if (count > 0) {
                log.info("Outbox relay timer published {} left-behind event(s) of {}/{}", count, collection, id);
            }
            published += count;
        }
        return published;
    }

    /** The {@code ce_source} this relay stamps on events. */
    public String source() {
        return source;
    }

    private int relay(String collection, Object id) {
        Enricher enricher = enrichers.get(collection);
        Document doc = mongo.execute(collection, coll -> enricher != null ? coll.find(idFilter(id)).first()
                : coll.find(idFilter(id)).projection(Projections.include(Outbox.FIELD)).first());
        if (doc == null) {
            return 0;
        }
        List<OutboxEvent> pending = pendingEvents(doc);
        if (pending.isEmpty()) {
            return 0;
        }
        List<OutboxEvent> sent = new ArrayList<>(pending.size());
        RuntimeException failure = null;
        for (OutboxEvent event : pending) {
            try {
                send(enricher == null ? event : enricher.enrich(event, doc));
                sent.add(event);
            }
            catch (RuntimeException ex) {
                failure = ex;
                break;
            }
        }
        if (!sent.isEmpty()) {
            markSent(collection, doc.get("_id"), sent);
        }
        if (failure != null) {
            throw failure;
        }
        return sent.size();
    }

    /** Sends one event and waits for the broker's ack. */
    protected void send(OutboxEvent event) {
        try {
            producerRecordSent(event).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + event.id(), ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Publishing " + event.type() + " " + event.id() + " to "
                    + event.topic() + " failed: " + ex.getCause(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("No ack for " + event.id() + " within " + sendTimeout, ex);
        }
    }

    /** Hands one event to the producer; the future completes with the broker's ack. */
    private CompletableFuture<?> producerRecordSent(OutboxEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), null, event.key(), event.payload());
        CloudEventHeaders.write(record.headers(), event.attributes(source));
        ObservationRegistry registry = observations;
        if (event.traceparent() == null || registry.isNoop() || registry.getCurrentObservation() != null) {
            return kafka.send(record);
        }
        return Observation.createNotStarted("outbox.relay", () -> resumedTrace(event), registry)
                .contextualName("outbox relay")
                .lowCardinalityKeyValue("event.type", event.type())
                .observe(() -> kafka.send(record));
    }

    /** A carrier holding only the event's stored trace context: the tracing handler continues from it. */
    private static ReceiverContext<OutboxEvent> resumedTrace(OutboxEvent event) {
        ReceiverContext<OutboxEvent> context = new ReceiverContext<>(
                (carrier, key) -> "traceparent".equals(key) ? carrier.traceparent() : null);
        context.setCarrier(event);
        return context;
    }

    /**
     * Removes exactly the published events from the aggregate's outbox ({@code $pull} by id), leaving
     * events appended meanwhile in place, and records them in its history when the collection keeps one.
     * Protected so a test can simulate a crash right here.
     *
     * @param storedId the {@code _id} exactly as stored
     */
    protected void markSent(String collection, Object storedId, List<OutboxEvent> events) {
        Bson pull = pullOf(events.stream().map(OutboxEvent::id).toList());
        Integer limit = histories.get(collection);
        Bson update = limit == null ? pull : Updates.combine(pull, Updates.pushEach(HISTORY,
                history(events, new Date()), new PushOptions().slice(-limit)));
        mongo.execute(collection, coll -> coll.updateOne(Filters.eq("_id", storedId), update));
    }

    /** The array of sent events a collection with {@link #keepHistory} keeps on each document. */
    public static final String HISTORY = "outboxHistory";

    private static List<Document> history(List<OutboxEvent> events, Date sentAt) {
        List<Document> entries = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            Document entry = new Document(OutboxEvent.F_ID, event.id());
            entry.put(OutboxEvent.F_TYPE, event.type());
            entry.put(OutboxEvent.F_TOPIC, event.topic());
            entry.put(OutboxEvent.F_SUBJECT, event.subject());
            entry.put(OutboxEvent.F_TIME, Date.from(event.time()));
            entry.put("sentAt", sentAt);
            if (event.traceparent() != null) {
                entry.put(OutboxEvent.F_TRACEPARENT, event.traceparent());
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The update that removes exactly these events from an outbox, leaving events appended meanwhile. */
    static Bson pullOf(List<String> eventIds) {
        return Updates.pullByFilter(new Document(Outbox.FIELD,
                new Document(OutboxEvent.F_ID, new Document("$in", eventIds))));
    }

    @SuppressWarnings("unchecked")
    private static List<OutboxEvent> pendingEvents(Document doc) {
        Object value = doc.get(Outbox.FIELD);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<OutboxEvent> events = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof Document event) {
                events.add(OutboxEvent.fromDocument(event));
            }
        }
        return events;
    }

    private static Bson idFilter(Object id) {
        if (id instanceof String s && ObjectId.isValid(s)) {
            return Filters.in("_id", s, new ObjectId(s));
        }
        return Filters.eq("_id", id);
    }
}
