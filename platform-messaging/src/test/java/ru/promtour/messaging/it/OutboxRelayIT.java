package ru.promtour.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.config.MessagingProducerFactories;
import ru.promtour.messaging.consumer.IdempotentConsumer;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

@MessagingIT
class OutboxRelayIT {

    @Autowired
    MongoOperations mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MessagingProducerFactories producers;
    @Autowired
    ThingListener listener;

    @Test
    void writeAndPushInOneUpdateThenRelayPublishesWithCloudEventHeadersAndEmptiesTheOutbox() throws Exception {
        String topic = TestTopics.unique("relay");
        KafkaProbe.createTopic(topic, 3);
        String thingId = UUID.randomUUID().toString();
        mongo.insert(new Thing(thingId, "new", 1), Thing.COLLECTION);
        OutboxEvent event = OutboxEvent.of(ThingHappened.TYPE, topic, thingId, "subject-" + thingId,
                new ThingHappened(thingId, 1, "hello"), jsonMapper);

        // the state change and the event in ONE single-document update
        Update update = Outbox.append(new Update().set("name", "renamed").inc("version", 1), event);
        assertThat(mongo.updateFirst(query(where("_id").is(thingId)), update, Thing.class).getModifiedCount())
                .isEqualTo(1);
        assertThat(outbox(thingId)).hasSize(1);

        assertThat(relay.publishPending(Thing.COLLECTION, thingId)).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = KafkaProbe.withIds(topic, Set.of(event.id()), 1).get(0);
        assertThat(record.key()).isEqualTo(thingId);
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(event.id());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(ThingHappened.TYPE);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/messaging-it");
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(event.time().toString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo("subject-" + thingId);
        assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(event.payload());
        assertThat(jsonMapper.readValue(record.value(), ThingHappened.class))
                .isEqualTo(new ThingHappened(thingId, 1, "hello"));

        Document stored = mongo.findById(thingId, Document.class, Thing.COLLECTION);
        assertThat(stored.getString("name")).isEqualTo("renamed");
        assertThat(stored.getInteger("version")).isEqualTo(2);
        assertThat(outbox(thingId)).isEmpty();
        assertThat(relay.publishPending(Thing.COLLECTION, thingId)).isZero();
    }

    @Test
    void newAggregateIsInsertedTogetherWithItsFirstEvent() {
        String topic = TestTopics.unique("insert");
        KafkaProbe.createTopic(topic, 1);
        String thingId = UUID.randomUUID().toString();
        OutboxEvent created = OutboxEvent.of(ThingHappened.TYPE, topic, thingId, thingId,
                new ThingHappened(thingId, 0, "created"), jsonMapper);

        Outbox.insert(mongo, Thing.COLLECTION, new Thing(thingId, "fresh", 1), created);

        assertThat(mongo.findById(thingId, Thing.class, Thing.COLLECTION)).isEqualTo(new Thing(thingId, "fresh", 1));
        assertThat(relay.publishPending(Thing.COLLECTION, thingId)).isEqualTo(1);
        assertThat(KafkaProbe.withIds(topic, Set.of(created.id()), 1)).hasSize(1);
        assertThat(outbox(thingId)).isEmpty();
    }

    @Test
    void eventsOfOneAggregateArriveInOrderEvenWithConcurrentRelays() throws Exception {
        String topic = TestTopics.unique("order");
        KafkaProbe.createTopic(topic, 3);
        String thingId = UUID.randomUUID().toString();
        mongo.insert(new Thing(thingId, "ordered", 0), Thing.COLLECTION);
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<Integer>> relays = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            int seq = 0;
            for (int write = 0; write < 12; write++) {
                // most writes append one event, every fourth appends three at once
                int count = write % 4 == 3 ? 3 : 1;
                OutboxEvent[] events = new OutboxEvent[count];
                for (int i = 0; i < count; i++) {
                    seq++;
                    events[i] = OutboxEvent.of(ThingHappened.TYPE, topic, thingId, thingId,
                            new ThingHappened(thingId, seq, "n"), jsonMapper);
                    ids.add(events[i].id());
                }
                mongo.updateFirst(query(where("_id").is(thingId)), Outbox.append(new Update().inc("version", 1), events),
                        Thing.COLLECTION);
                relays.add(CompletableFuture.supplyAsync(() -> relay.publishPending(Thing.COLLECTION, thingId), pool));
            }
            int expected = seq;
            relays.forEach(CompletableFuture::join);

            List<ConsumerRecord<String, byte[]>> records = KafkaProbe.withIds(topic, Set.copyOf(ids), expected);
            assertThat(records).extracting(r -> CloudEventHeaders.id(r.headers())).containsExactlyElementsOf(ids);
            assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
            List<Integer> seqs = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                seqs.add(jsonMapper.readValue(r.value(), ThingHappened.class).seq());
            }
            assertThat(seqs).isSorted().hasSize(expected);
            assertThat(outbox(thingId)).isEmpty();
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void relayDyingBetweenPublishAndMarkIsRepublishedByTheTimerWithTheSameIdAndAppliedOnce() {
        String thingId = UUID.randomUUID().toString();
        mongo.insert(new Thing(thingId, "crashy", 1), Thing.COLLECTION);
        OutboxEvent event = OutboxEvent.of(ThingHappened.TYPE, TestTopics.THINGS, thingId, thingId,
                new ThingHappened(thingId, 7, "once"), jsonMapper);
        mongo.updateFirst(query(where("_id").is(thingId)), Outbox.append(new Update().inc("version", 1), event),
                Thing.COLLECTION);

        // a relay that "crashes" after the broker ack, before the $pull
        AtomicBoolean crashed = new AtomicBoolean();
        OutboxRelay crashing = new OutboxRelay(mongo, producers.stringTemplate(), relay.source(),
                Duration.ofSeconds(10), Duration.ofSeconds(1), 100) {
            @Override
            protected void markSent(String collection, Object storedId, List<OutboxEvent> events) {
                if (crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated crash between publish and mark");
                }
                super.markSent(collection, storedId, events);
            }
        };
        assertThat(crashing.publishPending(Thing.COLLECTION, thingId)).isZero();
        assertThat(crashed).isTrue();
        assertThat(outbox(thingId)).extracting(d -> d.getString("_id")).containsExactly(event.id());

        // the timer relay (no fast-path call here) picks the stale event up and publishes it again
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox(thingId).isEmpty());
        List<ConsumerRecord<String, byte[]>> published = KafkaProbe.withIds(TestTopics.THINGS, Set.of(event.id()), 2);
        assertThat(published).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(event.payload()))
                .extracting(r -> CloudEventHeaders.time(r.headers())).containsOnly(event.time());

        // the consumer saw it at least twice and applied it exactly once
        await().atMost(Duration.ofSeconds(20)).until(() -> listener.deliveries(thingId).size() >= 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> applied(thingId) == 1);
        assertThat(mongo.exists(query(where("_id").is(ThingListener.CONSUMER + ":" + event.id())),
                IdempotentConsumer.COLLECTION)).isTrue();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> applied(thingId) == 1);
    }

    @Test
    void appendedEventsLeaveWithoutWaitingAndAreRemovedByTheNextBatchWhileLaterOnesStay() {
        String topic = TestTopics.unique("appended");
        KafkaProbe.createTopic(topic, 1);
        String collection = "appended_things";
        relay.enrichWith(collection, (event, aggregate) -> new OutboxEvent(event.id(), event.type(), event.topic(),
                event.key(), event.subject(), event.time(), jsonMapper.writeValueAsString(
                        new ThingHappened(aggregate.getString("_id"), aggregate.getInteger("version"), "enriched"))));
        List<String> ids = new ArrayList<>();
        List<String> things = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        for (String thingId : things) {
            mongo.getCollection(collection).insertOne(new Document("_id", thingId).append("version", 1)
                    .append(Outbox.FIELD, List.of()));
            for (int n = 0; n < 3; n++) {
                OutboxEvent event = OutboxEvent.of(ThingHappened.TYPE, topic, thingId, thingId,
                        new ThingHappened(thingId, 0, "raw"), jsonMapper);
                Document after = mongo.getCollection(collection).findOneAndUpdate(new Document("_id", thingId),
                        new Document("$inc", new Document("version", 1))
                                .append("$push", new Document(Outbox.FIELD, event.toDocument())),
                        new com.mongodb.client.model.FindOneAndUpdateOptions()
                                .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
                relay.publishAppended(collection, after, List.of(event));
                ids.add(event.id());
            }
        }
        // appended by a write that publishes nothing itself: the batch must leave it for the timer
        OutboxEvent later = OutboxEvent.of(ThingHappened.TYPE, topic, things.get(0), things.get(0),
                new ThingHappened(things.get(0), 9, "later"), jsonMapper);
        mongo.getCollection(collection).updateOne(new Document("_id", things.get(0)),
                new Document("$push", new Document(Outbox.FIELD, later.toDocument())));

        List<ConsumerRecord<String, byte[]>> records = KafkaProbe.withIds(topic, Set.copyOf(ids), ids.size());
        assertThat(records).extracting(r -> jsonMapper.readValue(r.value(), ThingHappened.class).note())
                .containsOnly("enriched");
        assertThat(records).extracting(r -> jsonMapper.readValue(r.value(), ThingHappened.class).seq())
                .containsExactlyInAnyOrder(2, 3, 4, 2, 3, 4);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(outboxIds(collection, things.get(0))).containsExactly(later.id());
            assertThat(outboxIds(collection, things.get(1))).isEmpty();
        });
    }

    private List<String> outboxIds(String collection, String id) {
        Document doc = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return doc.getList(Outbox.FIELD, Document.class).stream().map(e -> e.getString("_id")).toList();
    }

    private List<Document> outbox(String thingId) {
        Document doc = mongo.findById(thingId, Document.class, Thing.COLLECTION);
        return doc == null || doc.get(Outbox.FIELD) == null ? List.of() : doc.getList(Outbox.FIELD, Document.class);
    }

    private int applied(String thingId) {
        Document doc = mongo.findById(thingId, Document.class, ThingListener.EFFECTS);
        return doc == null ? 0 : doc.getInteger("applied");
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.get(record.headers(), name);
    }
}
