package ru.promtour.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.config.MessagingProducerFactories;
import ru.promtour.messaging.consumer.IdempotentConsumer;
import tools.jackson.databind.json.JsonMapper;

@MessagingIT
class ConsumerErrorHandlingIT {

    @Autowired
    MessagingProducerFactories producers;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoOperations mongo;
    @Autowired
    ThingListener listener;
    @Autowired
    IdempotentConsumer idempotent;

    @Test
    void redeliveredEventChangesNothingTheSecondTime() throws Exception {
        String thingId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        byte[] body = jsonMapper.writeValueAsBytes(new ThingHappened(thingId, 1, "twice"));

        send(thingId, ceId, ThingHappened.TYPE, body);
        send(thingId, ceId, ThingHappened.TYPE, body);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.deliveries(thingId).size() == 2);
        assertThat(applied(thingId)).isEqualTo(1);
        assertThat(idempotent.isProcessed(ThingListener.CONSUMER, ceId)).isTrue();
        assertThat(idempotent.runOnce(ThingListener.CONSUMER, ceId, () -> {
            throw new AssertionError("must not run again");
        })).isFalse();
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirHeadersAndTheNextRecordIsProcessed() throws Exception {
        String key = UUID.randomUUID().toString();
        String malformedId = UUID.randomUUID().toString();
        String untypedId = UUID.randomUUID().toString();
        String goodId = UUID.randomUUID().toString();
        byte[] malformed = "{\"thingId\": oops".getBytes(StandardCharsets.UTF_8);
        byte[] untyped = jsonMapper.writeValueAsBytes(new ThingHappened(key, 1, "no type header"));

        // same key → same partition: the poison records sit right before the good one
        send(key, malformedId, ThingHappened.TYPE, malformed);
        send(key, untypedId, null, untyped);
        send(key, goodId, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(key, 2, "good")));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(key) == 1);

        List<ConsumerRecord<String, byte[]>> dead =
                KafkaProbe.withIds(TestTopics.THINGS_DLT, Set.of(malformedId, untypedId), 2);
        assertThat(dead).hasSize(2);
        ConsumerRecord<String, byte[]> deadMalformed = byId(dead, malformedId);
        assertThat(deadMalformed.key()).isEqualTo(key);
        assertThat(deadMalformed.value()).isEqualTo(malformed);
        assertThat(CloudEventHeaders.type(deadMalformed.headers())).isEqualTo(ThingHappened.TYPE);
        assertThat(CloudEventHeaders.source(deadMalformed.headers())).isEqualTo("/it-producer");
        assertThat(CloudEventHeaders.get(deadMalformed.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC))
                .isEqualTo(TestTopics.THINGS);
        assertThat(CloudEventHeaders.get(deadMalformed.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN))
                .contains("DeserializationException");
        ConsumerRecord<String, byte[]> deadUntyped = byId(dead, untypedId);
        assertThat(deadUntyped.value()).isEqualTo(untyped);
        assertThat(CloudEventHeaders.type(deadUntyped.headers())).isNull();
        // not retried: a deserialization failure is handed to the recoverer on its first delivery
        assertThat(listener.deliveries(key)).hasSize(1);
    }

    @Test
    void handlerThatKeepsFailingIsRetriedWithBackoffThenDeadLettered() throws Exception {
        String thingId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        send(thingId, ceId, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(thingId, 1, "explode")));

        ConsumerRecord<String, byte[]> dead = KafkaProbe.withIds(TestTopics.THINGS_DLT, Set.of(ceId), 1).get(0);
        assertThat(jsonMapper.readValue(dead.value(), ThingHappened.class))
                .isEqualTo(new ThingHappened(thingId, 1, "explode"));
        assertThat(CloudEventHeaders.type(dead.headers())).isEqualTo(ThingHappened.TYPE);
        assertThat(CloudEventHeaders.get(dead.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("boom " + thingId);

        // max-attempts 3: the first delivery and two retries, 100 ms then 200 ms apart (multiplier 2)
        List<Instant> attempts = listener.deliveries(thingId);
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(90));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(180));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> listener.deliveries(thingId).size() == 3);
        assertThat(applied(thingId)).isZero();
    }

    @Test
    void aStoreOutageIsRetriedPastMaxAttemptsUntilTheStoreIsBackAndNothingIsDeadLettered() throws Exception {
        String thingId = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        // five failed deliveries, more than max-attempts (3) allows a faulty record
        send(thingId, ceId, ThingHappened.TYPE, jsonMapper.writeValueAsBytes(new ThingHappened(thingId, 1, "store-down-for-5")));

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(thingId) == 1);
        assertThat(listener.deliveries(thingId)).hasSize(6);
        assertThat(KafkaProbe.withIds(TestTopics.THINGS_DLT, Set.of(ceId), 0)).isEmpty();
    }

    @Test
    void unknownTypesReachTheListenerAsUnknownEventAndAreNotDeadLettered() throws Exception {
        String ceId = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), ceId, "test.SomethingElse.v1", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> listener.unknown().stream().anyMatch(e -> ceId.equals(e.id())));
        assertThat(listener.unknown()).filteredOn(e -> ceId.equals(e.id()))
                .singleElement().extracting(e -> e.type()).isEqualTo("test.SomethingElse.v1");
    }

    @Test
    void aTypeFromNoKnownProducerIsDeadLetteredOnItsFirstDelivery() throws Exception {
        String key = UUID.randomUUID().toString();
        String ceId = UUID.randomUUID().toString();
        send(key, ceId, "nobody.Stranger.v1", "{\"x\":1}".getBytes(StandardCharsets.UTF_8));

        ConsumerRecord<String, byte[]> dead = KafkaProbe.withIds(TestTopics.THINGS_DLT, Set.of(ceId), 1).get(0);
        assertThat(CloudEventHeaders.type(dead.headers())).isEqualTo("nobody.Stranger.v1");
        assertThat(CloudEventHeaders.get(dead.headers(), KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
        assertThat(listener.deliveries(key)).isEmpty();
        assertThat(listener.unknown()).noneMatch(e -> ceId.equals(e.id()));
    }

    private void send(String key, String ceId, String type, byte[] body) throws Exception {
        KafkaTemplate<String, byte[]> template = producers.bytesTemplate();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestTopics.THINGS, key, body);
        CloudEventHeaders.write(record.headers(),
                new CloudEventAttributes(ceId, type == null ? "ignored" : type, "/it-producer", Instant.now(), key));
        if (type == null) {
            record.headers().remove(CloudEventHeaders.TYPE);
        }
        template.send(record).get();
    }

    private int applied(String thingId) {
        Document doc = mongo.findById(thingId, Document.class, ThingListener.EFFECTS);
        return doc == null ? 0 : doc.getInteger("applied");
    }

    private static ConsumerRecord<String, byte[]> byId(List<ConsumerRecord<String, byte[]>> records, String id) {
        return records.stream().filter(r -> id.equals(CloudEventHeaders.id(r.headers()))).findFirst().orElseThrow();
    }
}
