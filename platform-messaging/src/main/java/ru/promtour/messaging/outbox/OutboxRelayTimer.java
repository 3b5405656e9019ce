package ru.promtour.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import ru.promtour.messaging.support.DaemonTimer;

/**
 * The safety net behind the fast path: every {@code interval} it sweeps the registered collections
 * for events older than the relay's "stale after" age — the ones a crash between write and publish,
 * or a broker outage, left behind — and publishes them.
 * <p>
 * It runs on its own single daemon thread (no {@code @EnableScheduling} imposed on the service) and
 * on every instance: no cluster lock is needed because overlapping sweeps only produce duplicates
 * with the same {@code ce_id}, which consumers drop. On start it creates an index on
 * {@code outbox.time} in each collection so the sweep does not scan the collection.
 */
public class OutboxRelayTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayTimer.class);

    private final OutboxRelay relay;
    private final MongoOperations mongo;
    private final Supplier<List<String>> collections;
    private final Duration interval;
    private final DaemonTimer timer = new DaemonTimer("outbox-relay-timer",
            ex -> log.warn("Outbox sweep failed: {}", ex.toString()));

    public OutboxRelayTimer(OutboxRelay relay, MongoOperations mongo, Supplier<List<String>> collections,
                            Duration interval) {
        this.relay = Objects.requireNonNull(relay, "relay");
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.collections = Objects.requireNonNull(collections, "collections");
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** One sweep over every registered collection; failures are logged, never thrown. */
    public int sweep() {
        int published = 0;
        for (String collection : collections.get()) {
            try {
                published += relay.publishStale(collection);
            }
            catch (RuntimeException ex) {
                log.warn("Outbox sweep of {} failed: {}", collection, ex.toString());
            }
        }
        return published;
    }

    @Override
    public void start() {
        List<String> names = collections.get();
        timer.start(() -> names.forEach(this::ensureIndex), interval, interval, this::sweep);
        log.debug("Outbox relay timer started every {} over {}", interval, names);
    }

    @Override
    public void stop() {
        timer.stop();
    }

    @Override
    public boolean isRunning() {
        return timer.isRunning();
    }

    private void ensureIndex(String collection) {
        try {
            mongo.indexOps(collection).createIndex(
                    new Index().on(Outbox.FIELD + "." + OutboxEvent.F_TIME, Sort.Direction.ASC).named("outbox_time"));
        }
        catch (RuntimeException ex) {
            log.warn("Cannot create the outbox.time index on {} (the sweep still works, slower): {}",
                    collection, ex.toString());
        }
    }
}
