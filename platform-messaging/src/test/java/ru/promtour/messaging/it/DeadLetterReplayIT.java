package ru.promtour.messaging.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.support.KafkaHeaders;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.config.MessagingProducerFactories;
import ru.promtour.messaging.errors.DeadLetterEndpoint;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The deadletters endpoint: lists this service's dead-letter topics and replays a window of one to its topic. */
@MessagingIT
class DeadLetterReplayIT {

    @Autowired
    DeadLetterEndpoint endpoint;
    @Autowired
    MessagingProducerFactories producers;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    MongoOperations mongo;

    /** A record as the recoverer leaves it in the DLT: its key, body and ce_ headers, plus the kafka_dlt-* headers. */
    private RecordMetadata deadLetter(String key, String ceId, String note) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TestTopics.THINGS_DLT, key,
                jsonMapper.writeValueAsBytes(new ThingHappened(key, 1, note)));
        CloudEventHeaders.write(record.headers(), new CloudEventAttributes(ceId, ThingHappened.TYPE, "/it-producer", Instant.now(), key));
        record.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, TestTopics.THINGS.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_FQCN, "java.lang.IllegalStateException".getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "the store was read-only".getBytes(StandardCharsets.UTF_8));
        return producers.bytesTemplate().send(record).get().getRecordMetadata();
    }

    @Test
    void theServicesDeadLetterTopicsAreListedWithTheirRecordCounts() throws Exception {
        deadLetter(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "listed");

        DeadLetterEndpoint.DeadLetterTopics topics = endpoint.topics();

        assertThat(topics.topics()).filteredOn(t -> t.topic().equals(TestTopics.THINGS_DLT)).singleElement()
            .satisfies(t -> {
                assertThat(t.originalTopic()).isEqualTo(TestTopics.THINGS);
                assertThat(t.partitions()).isEqualTo(1);
                assertThat(t.records()).isPositive();
            });
    }

    @Test
    void aReplayRepublishesTheWindowToTheOriginalTopicWithKeyAndCloudEventHeadersButNoDeadLetterHeaders() throws Exception {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        RecordMetadata from = deadLetter(first, firstId, "replayed");
        RecordMetadata to = deadLetter(second, secondId, "replayed");

        WebEndpointResponse<Object> dry = endpoint.replay(TestTopics.THINGS_DLT, from.partition(), from.offset(), to.offset(), true);
        assertThat(dry.getStatus()).isEqualTo(200);
        assertThat(((DeadLetterEndpoint.Replay) dry.getBody()).records()).isEqualTo(2);
        assertThat(applied(first)).isZero();

        WebEndpointResponse<Object> replay = endpoint.replay(TestTopics.THINGS_DLT, from.partition(), from.offset(), to.offset(), null);

        DeadLetterEndpoint.Replay done = (DeadLetterEndpoint.Replay) replay.getBody();
        assertThat(done.records()).isEqualTo(2);
        assertThat(done.republishedTo()).isEqualTo(TestTopics.THINGS);
        assertThat(done.dryRun()).isFalse();
        assertThat(done.complete()).isTrue();
        assertThat(done.partitions()).singleElement().satisfies(p -> {
            assertThat(p.fromOffset()).isEqualTo(from.offset());
            assertThat(p.toOffset()).isEqualTo(to.offset());
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(first) == 1 && applied(second) == 1);
        List<ConsumerRecord<String, byte[]>> republished = KafkaProbe.withIds(TestTopics.THINGS, Set.of(firstId, secondId), 2);
        assertThat(republished).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(first, second);
        for (ConsumerRecord<String, byte[]> record : republished) {
            assertThat(CloudEventHeaders.type(record.headers())).isEqualTo(ThingHappened.TYPE);
            assertThat(record.headers()).noneMatch(h -> h.key().startsWith("kafka_dlt-"));
        }

        // the same window again: re-published, and dropped by the consumer as already processed (same ce_id)
        endpoint.replay(TestTopics.THINGS_DLT, from.partition(), from.offset(), to.offset(), false);
        await().atMost(Duration.ofSeconds(30))
            .until(() -> KafkaProbe.withIds(TestTopics.THINGS, Set.of(firstId, secondId), 4).size() == 4);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> applied(first) == 1);
    }

    @Test
    void anUnknownTopicIsA404AndAnInvertedWindowA400() {
        assertThat(endpoint.replay("it.not-ours-dlt", null, null, null, true).getStatus()).isEqualTo(404);
        assertThat(endpoint.replay(TestTopics.THINGS, null, null, null, true).getStatus()).isEqualTo(404);
        assertThat(endpoint.replay(TestTopics.THINGS_DLT, null, 5L, 2L, true).getStatus()).isEqualTo(400);
        assertThat(endpoint.replay(TestTopics.THINGS_DLT, 7, null, null, true).getStatus()).isEqualTo(400);
    }

    private int applied(String thingId) {
        Document doc = mongo.findById(thingId, Document.class, ThingListener.EFFECTS);
        return doc == null ? 0 : doc.getInteger("applied");
    }
}
