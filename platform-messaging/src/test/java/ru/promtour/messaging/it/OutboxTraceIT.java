package ru.promtour.messaging.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.messaging.outbox.Outbox;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.messaging.outbox.OutboxRelay;
import ru.promtour.messaging.outbox.OutboxTracing;
import tools.jackson.databind.json.JsonMapper;

/** An outbox event keeps the trace of the work that wrote it, however late and from whichever thread it is sent. */
@MessagingIT
@Import(OutboxTraceIT.Spans.class)
class OutboxTraceIT {

    @Autowired
    MongoOperations mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JsonMapper jsonMapper;
    @Autowired
    Tracer tracer;
    @Autowired
    InMemorySpanExporter spans;

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void anEventSentLaterOutsideTheRequestStillContinuesTheRequestsTrace() throws Exception {
        String topic = TestTopics.unique("traced");
        KafkaProbe.createTopic(topic, 1);
        String thingId = UUID.randomUUID().toString();
        mongo.insert(new Thing(thingId, "traced", 1), Thing.COLLECTION);

        // the "request": the write and its event happen inside a span
        Span request = tracer.nextSpan().name("request").start();
        OutboxEvent event;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            event = OutboxEvent.of(ThingHappened.TYPE, topic, thingId, thingId, new ThingHappened(thingId, 2, "traced"),
                    jsonMapper);
            mongo.updateFirst(query(where("_id").is(thingId)), Outbox.append(new Update().inc("version", 1), event),
                    Thing.COLLECTION);
        }
        finally {
            request.end();
        }
        String traceId = request.context().traceId();
        assertThat(event.traceparent()).isEqualTo("00-" + traceId + "-" + request.context().spanId() + "-01");
        assertThat(OutboxTracing.currentTraceparent()).as("no span outside the request").isNull();

        // sent later from another thread with no observation at all (what the timer does)
        assertThat(CompletableFuture.supplyAsync(() -> relay.publishPending(Thing.COLLECTION, thingId)).get())
                .isEqualTo(1);

        ConsumerRecord<String, byte[]> record = KafkaProbe.withIds(topic, Set.of(event.id()), 1).get(0);
        String traceparent = header(record, "traceparent");
        assertThat(OutboxTracing.traceId(traceparent)).isEqualTo(traceId);
        assertThat(traceparent).isNotEqualTo(event.traceparent()); // a child span of its own: the producer's
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(s -> s.getTraceId().equals(traceId))
                .extracting(s -> s.getName())
                .contains("request", "outbox relay"));
    }

    @Test
    void aCollectionWithHistoryKeepsTheLastEventsItSentWithTheirTraces() {
        String topic = TestTopics.unique("history");
        KafkaProbe.createTopic(topic, 1);
        String collection = "chronicled_things";
        relay.keepHistory(collection, 2);
        String thingId = UUID.randomUUID().toString();
        mongo.getCollection(collection).insertOne(new Document("_id", thingId).append("version", 0));
        Span request = tracer.nextSpan().name("request").start();
        List<OutboxEvent> events;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            events = List.of(event(topic, thingId, 1), event(topic, thingId, 2), event(topic, thingId, 3));
        }
        finally {
            request.end();
        }
        for (OutboxEvent event : events) {
            mongo.updateFirst(query(where("_id").is(thingId)), Outbox.append(new Update().inc("version", 1), event),
                    collection);
            assertThat(relay.publishPending(collection, thingId)).isEqualTo(1);
        }

        Document stored = mongo.findById(thingId, Document.class, collection);
        assertThat(stored.getList(Outbox.FIELD, Document.class)).isEmpty();
        List<Document> history = stored.getList(OutboxRelay.HISTORY, Document.class);
        assertThat(history).extracting(d -> d.getString("_id")).containsExactly(events.get(1).id(), events.get(2).id());
        assertThat(history).allSatisfy(entry -> {
            assertThat(entry.getString("type")).isEqualTo(ThingHappened.TYPE);
            assertThat(entry.getString("topic")).isEqualTo(topic);
            assertThat(entry.getDate("sentAt")).isNotNull();
            assertThat(OutboxTracing.traceId(entry.getString("traceparent"))).isEqualTo(request.context().traceId());
        });
    }

    private OutboxEvent event(String topic, String thingId, int version) {
        return OutboxEvent.of(ThingHappened.TYPE, topic, thingId, thingId, new ThingHappened(thingId, version, "v"),
                jsonMapper);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
