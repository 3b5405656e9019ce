package ru.promtour.messaging.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.messaging.outbox.Outbox;

/**
 * {@code outbox.backlog} (events still waiting in the {@code outbox} arrays) and {@code outbox.oldest.age} (seconds
 * since the oldest of them was written; 0 when none waits), tag {@code collection}, for the collections the outbox
 * relay timer sweeps. One aggregation per collection per poll; a collection whose aggregation fails keeps its last
 * values.
 */
public class OutboxMetrics implements MeterBinder, PolledMeters {

    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    /** The event's time inside the array (OutboxEvent's stored shape). */
    private static final String TIME = Outbox.FIELD + ".time";

    private record Backlog(long events, double oldestAgeSeconds) {
    }

    private final MongoOperations mongo;
    private final Supplier<List<String>> collections;
    private final Clock clock;
    private final Map<String, Backlog> values = new ConcurrentHashMap<>();
    private final List<MultiGauge[]> gauges = new CopyOnWriteArrayList<>();

    public OutboxMetrics(MongoOperations mongo, Supplier<List<String>> collections, Clock clock) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.collections = Objects.requireNonNull(collections, "collections");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        MultiGauge backlog = MultiGauge.builder("outbox.backlog")
                .description("Events written to an outbox and not yet acknowledged by the broker")
                .register(registry);
        MultiGauge age = MultiGauge.builder("outbox.oldest.age").baseUnit("seconds")
                .description("Age of the oldest event still waiting in an outbox (0 when none waits)")
                .register(registry);
        gauges.add(new MultiGauge[] {backlog, age});
        publish();
    }

    @Override
    public void refresh() {
        for (String collection : collections.get()) {
            try {
                values.put(collection, read(collection));
            }
            catch (RuntimeException ex) {
                log.debug("Reading the outbox backlog of {} failed; keeping the last values", collection, ex);
            }
        }
        publish();
    }

    private Backlog read(String collection) {
        Document result = mongo.execute(collection, coll -> coll.aggregate(List.of(
                Aggregates.match(Filters.exists(TIME)),
                Aggregates.unwind("$" + Outbox.FIELD),
                Aggregates.group(null, Accumulators.sum("events", 1), Accumulators.min("oldest", "$" + TIME))))
                .first());
        if (result == null || result.get("oldest") == null) {
            return new Backlog(0, 0);
        }
        long events = ((Number) result.get("events")).longValue();
        Date oldest = result.getDate("oldest");
        double age = Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
        return new Backlog(events, age);
    }

    private void publish() {
        List<MultiGauge.Row<?>> backlog = new ArrayList<>();
        List<MultiGauge.Row<?>> age = new ArrayList<>();
        values.forEach((collection, value) -> {
            Tags tags = Tags.of("collection", collection);
            backlog.add(MultiGauge.Row.of(tags, value.events()));
            age.add(MultiGauge.Row.of(tags, value.oldestAgeSeconds()));
        });
        for (MultiGauge[] pair : gauges) {
            pair[0].register(backlog, true);
            pair[1].register(age, true);
        }
    }
}
