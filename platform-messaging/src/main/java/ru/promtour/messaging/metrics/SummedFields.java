package ru.promtour.messaging.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BsonField;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Gauges that are sums of numeric fields over the documents a filter selects (e.g. {@code seats.held} = the sum of
 * {@code held} over the future slots), read by one aggregation per poll of the {@link MetricsPoller}; a failed read
 * keeps the last values. Declare it as a bean: Boot binds it, the poller refreshes it.
 */
public class SummedFields implements MeterBinder, PolledMeters {

    private static final Logger log = LoggerFactory.getLogger(SummedFields.class);

    private final MongoOperations mongo;
    private final String collection;
    private final Supplier<Bson> filter;
    private final Map<String, String> fieldsByGauge;
    private final Map<String, Double> values = new ConcurrentHashMap<>();

    /**
     * @param filter        the documents summed, computed at each poll (a time bound moves with the clock)
     * @param fieldsByGauge gauge name → the field it sums
     */
    public SummedFields(MongoOperations mongo, String collection, Supplier<Bson> filter, Map<String, String> fieldsByGauge) {
        this.mongo = Objects.requireNonNull(mongo, "mongo");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.filter = Objects.requireNonNull(filter, "filter");
        this.fieldsByGauge = new LinkedHashMap<>(fieldsByGauge);
        this.fieldsByGauge.keySet().forEach(name -> values.put(name, 0.0));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        fieldsByGauge.forEach((name, field) -> Gauge.builder(name, values, v -> v.getOrDefault(name, 0.0))
                .description("Sum of " + field + " over the selected documents of " + collection)
                .strongReference(true)
                .register(registry));
    }

    @Override
    public void refresh() {
        try {
            List<BsonField> sums = new ArrayList<>();
            fieldsByGauge.forEach((name, field) -> sums.add(Accumulators.sum(key(name), "$" + field)));
            Document result = mongo.execute(collection, coll -> coll.aggregate(List.of(
                    Aggregates.match(filter.get()), Aggregates.group(null, sums))).first());
            fieldsByGauge.keySet().forEach(name -> values.put(name,
                    result == null || result.get(key(name)) == null ? 0.0 : ((Number) result.get(key(name))).doubleValue()));
        }
        catch (RuntimeException ex) {
            log.debug("Summing {} of {} failed; keeping the last values", fieldsByGauge.values(), collection, ex);
        }
    }

    /** The gauge's name as a field name of the aggregation's result (no dots there). */
    private static String key(String gauge) {
        return gauge.replace('.', '_');
    }
}
