package ru.promtour.catalog.availability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.ledger.SeatReadModel;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Turns the seat read model's "availability changed" marks into {@code catalog.AvailabilityChanged.v1} events.
 * The read model's write (once per batch of the ledger's events) only sets {@link #FLAG} on the slot; no read, no
 * rendering on that path. Every {@code catalog.availability-events.interval} this renders each marked slot's OCTO
 * availability and, in ONE conditional write — still marked, at the ledger version rendered — clears the mark and
 * appends the event to the slot's outbox, then relays it. So any number of seat changes between two rounds make one
 * event per slot (coalesced), a slot changed again meanwhile stays marked for the next round, and two instances
 * never announce the same version twice. Runs on its own daemon thread on every instance (like the outbox timer).
 */
@Component
public class AvailabilityAnnouncer implements SmartInitializingSingleton, SmartLifecycle {

    /** Set by the seat read model when a slot's counts or status change. */
    static final String FLAG = SeatReadModel.AVAILABILITY_CHANGED;
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(AvailabilityAnnouncer.class);

    private final MongoOperations mongo;
    private final AvailabilityRenderer renderer;
    private final OutboxRelay relay;
    private final JsonMapper json;
    private final Duration interval;
    private volatile ScheduledExecutorService timer;

    public AvailabilityAnnouncer(MongoOperations mongo, AvailabilityRenderer renderer, OutboxRelay relay, JsonMapper json,
                                 @Value("${catalog.availability-events.interval:PT1S}") Duration interval) {
        this.mongo = mongo;
        this.renderer = renderer;
        this.relay = relay;
        this.json = json;
        this.interval = interval;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "availability-announcer");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::announce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService t = timer;
        timer = null;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    @Override
    public void afterSingletonsInstantiated() {
        // only marked slots are indexed: the index stays as small as the work waiting
        mongo.indexOps(Slot.COLLECTION).createIndex(new Index().on(FLAG, Sort.Direction.ASC)
                .partial(PartialIndexFilter.of(where(FLAG).is(true))).named("availability_changed"));
    }

    /** One round: every marked slot (up to {@value #BATCH}) announced once. */
    public void announce() {
        try {
            List<Document> marked = mongo.getCollection(Slot.COLLECTION).find(new Document(FLAG, true))
                    .projection(new Document("excursionId", 1).append("ledgerVersion", 1).append("start", 1)).limit(BATCH)
                    .into(new ArrayList<>());
            Date now = new Date();
            for (Document slot : marked) {
                // a slot that has started is on nobody's sale (the history import sells past slots): mark cleared, no event
                boolean started = slot.getDate("start") != null && !slot.getDate("start").after(now);
                announce(slot.getString("_id"), slot.getString("excursionId"), slot.get("ledgerVersion"), started);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Announcing availability changes failed, retrying next round: {}", ex.toString());
        }
    }

    private void announce(String slotId, String productId, Object ledgerVersion, boolean started) {
        Optional<AvailabilityRenderer.Rendered> rendered = started ? Optional.empty() : renderer.render(productId, slotId);
        Document stillMarked = new Document("_id", slotId).append(FLAG, true).append("ledgerVersion", ledgerVersion);
        Update update = new Update().unset(FLAG);
        rendered.ifPresent(r -> Outbox.append(update, OutboxEvent.of(AvailabilityChanged.TYPE, AvailabilityChanged.TOPIC,
                slotId, slotId, new AvailabilityChanged(slotId, r.productId(), r.optionId(),
                        ledgerVersion instanceof Number n ? n.longValue() : 0, r.availability()), json)));
        if (mongo.updateFirst(new BasicQuery(stillMarked), update, Slot.COLLECTION).getModifiedCount() == 1
                && rendered.isPresent()) {
            relay.publishPending(Slot.COLLECTION, slotId);
        }
    }
}
