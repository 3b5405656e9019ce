package ru.promtour.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.config.MessagingProducerFactories;
import ru.promtour.messaging.metrics.OutboxMetrics;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import tools.jackson.databind.json.JsonMapper;

@MessagingIT
class MessagingMetricsIT {

    @Autowired
    MeterRegistry registry;
    @Autowired
    MongoOperations mongo;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MessagingProducerFactories producers;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    ThingListener listener;

    @Test
    void outboxGaugesOfEverySweptCollectionAreRegistered() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String collection : List.of(Thing.COLLECTION, "widgets")) {
                assertThat(registry.get("outbox.backlog").tag("collection", collection).gauge().value()).isNotNegative();
                assertThat(registry.get("outbox.oldest.age").tag("collection", collection).gauge().value()).isNotNegative();
            }
        });
    }

    @Test
    void backlogAndAgeReflectThePendingEventsAndDropToZeroOnceSent() {
        // a collection of its own (no timer relays it) and a fixed clock: the values are exact
        String collection = "metered_" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        OutboxMetrics metrics = new OutboxMetrics(mongo, () -> List.of(collection), Clock.fixed(now, ZoneOffset.UTC));
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        metrics.bindTo(own);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Outbox.insert(mongo, collection, new Thing(first, "a", 1), event(first, now.minusSeconds(90)),
                event(first, now.minusSeconds(30)));
        Outbox.insert(mongo, collection, new Thing(second, "b", 1), event(second, now.minusSeconds(5)));
        mongo.insert(new Thing(UUID.randomUUID().toString(), "nothing pending", 1), collection);

        metrics.refresh();

        assertThat(own.get("outbox.backlog").tag("collection", collection).gauge().value()).isEqualTo(3);
        assertThat(own.get("outbox.oldest.age").tag("collection", collection).gauge().value()).isEqualTo(90);

        // what the relay does once the broker acknowledged them
        mongo.getCollection(collection).updateMany(new Document(), new Document("$set", new Document(Outbox.FIELD, List.of())));
        metrics.refresh();

        assertThat(own.get("outbox.backlog").tag("collection", collection).gauge().value()).isZero();
        assertThat(own.get("outbox.oldest.age").tag("collection", collection).gauge().value()).isZero();
    }

    @Test
    void lagAppearsWhileTheGroupIsBehindAndVanishesOnceItCatchesUp() throws Exception {
        String key = UUID.randomUUID().toString();
        // one record processed first, so the group has committed an offset on the key's partition
        send(key, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(key, 1, "first")));
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries(key).size() == 1);
        MessageListenerContainer container = listeners.getListenerContainer("things");
        int partition;
        container.stop();
        try {
            partition = send(key, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(key, 2, "behind")));
            send(key, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(key, 3, "behind")));
            send(key, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(key, 4, "behind")));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(lag(partition).gauge().value()).isGreaterThanOrEqualTo(3));
        }
        finally {
            container.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.deliveries(key).size() == 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lag(partition).gauge().value()).isZero());
    }

    @Test
    void deadLetterRecordsAreCountedPerDeadLetterTopic() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> dlt().gauges().size() == 1);
        double before = dlt().gauge().value();

        send(UUID.randomUUID().toString(), ThingHappened.TYPE, "{\"thingId\": oops".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dlt().gauge().value()).isEqualTo(before + 1));
    }

    private RequiredSearch lag(int partition) {
        return registry.get("kafka.consumer.group.lag").tag("group", TestTopics.GROUP).tag("topic", TestTopics.THINGS)
                .tag("partition", String.valueOf(partition));
    }

    private Search dlt() {
        return registry.find("dlt.records").tag("topic", TestTopics.THINGS_DLT);
    }

    private OutboxEvent event(String id, Instant time) {
        return new OutboxEvent(UUID.randomUUID().toString(), ThingHappened.TYPE, "it.unused", id, id, time,
                jsonMapper.writeValueAsString(new ThingHappened(id, 1, "pending")));
    }

    /** @return the partition the record went to */
    private int send(String key, String type, byte[] body) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestTopics.THINGS, key, body);
        CloudEventHeaders.write(record.headers(),
                new CloudEventAttributes(UUID.randomUUID().toString(), type, "/it-producer", Instant.now(), key));
        return producers.bytesTemplate().send(record).get().getRecordMetadata().partition();
    }
}
