package ru.promtour.messaging.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.messaging.consumer.IdempotentConsumer;

/**
 * A consumer written the way services should: dispatch on the event class, ignore unknown types,
 * apply the side effect through {@link IdempotentConsumer}. The side effect is an {@code $inc} in
 * {@value #EFFECTS}, so tests count how often it really happened.
 */
@Component
public class ThingListener {

    public static final String CONSUMER = "it.thing-effects";
    public static final String EFFECTS = "thing_effects";

    private final IdempotentConsumer idempotent;
    private final MongoOperations mongo;
    private final Map<String, List<Instant>> deliveries = new ConcurrentHashMap<>();
    private final List<UnknownEvent> unknown = new CopyOnWriteArrayList<>();

    public ThingListener(IdempotentConsumer idempotent, MongoOperations mongo) {
        this.idempotent = idempotent;
        this.mongo = mongo;
    }

    @KafkaListener(id = "things", topics = "#{T(ru.promtour.messaging.it.TestTopics).THINGS}",
            groupId = "#{T(ru.promtour.messaging.it.TestTopics).GROUP}")
    void on(ConsumerRecord<String, Object> record) {
        Object value = record.value();
        if (value instanceof UnknownEvent event) {
            unknown.add(event);
            return;
        }
        if (value instanceof ThingHappened event) {
            deliveries.computeIfAbsent(event.thingId(), id -> new CopyOnWriteArrayList<>()).add(Instant.now());
            if ("explode".equals(event.note())) {
                throw new IllegalStateException("boom " + event.thingId());
            }
            if (event.note() != null && event.note().startsWith("store-down-for-")
                    && deliveries(event.thingId()).size() <= Integer.parseInt(event.note().substring("store-down-for-".length()))) {
                throw new DataAccessResourceFailureException("store unreachable (delivery " + deliveries(event.thingId()).size() + ")");
            }
            idempotent.runOnce(CONSUMER, CloudEventHeaders.id(record.headers()), () -> mongo.upsert(
                    Query.query(Criteria.where("_id").is(event.thingId())),
                    new Update().inc("applied", 1).push("seqs", event.seq()), EFFECTS));
        }
    }

    /** When each delivery of a thing's events reached the handler. */
    public List<Instant> deliveries(String thingId) {
        return deliveries.getOrDefault(thingId, List.of());
    }

    public List<UnknownEvent> unknown() {
        return unknown;
    }
}
