package ru.promtour.catalog.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.test.infra.TestInfrastructure;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The booking service's side of the seat saga, played with plain Kafka clients: publishes booking events
 * on {@code booking.bookings.v1} (CloudEvents binary headers, key = slot id) and reads the catalog's
 * answers from {@code catalog.slots.v1}.
 */
public final class SeatSagaKafka implements AutoCloseable {

    public static final String BOOKINGS = "booking.bookings.v1";
    public static final String SLOTS = "catalog.slots.v1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new StringSerializer());
    private final KafkaConsumer<String, String> consumer;
    private final List<Answer> answers = new ArrayList<>();

    /** Starts reading the answers topic from its current end, so only answers to this test's requests are seen. */
    public SeatSagaKafka() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        // the topic may not exist yet in a fresh store: the metadata request creates it, a later one sees it
        List<TopicPartition> partitions = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(SLOTS, Duration.ofSeconds(5)), list -> !list.isEmpty()).stream()
                .map(p -> new TopicPartition(SLOTS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** One answer of the catalog: {@code ce_type}, key (slot id), ce_id and the JSON body. */
    public record Answer(String type, String slotId, String id, JsonNode body) {
        public String bookingId() {
            return body.path("bookingId").asString();
        }

        public String reason() {
            return body.path("reason").asString();
        }
    }

    public void send(String type, String slotId, String bookingId, String json) {
        sendWithId(UUID.randomUUID().toString(), type, slotId, bookingId, json);
    }

    public void sendWithId(String eventId, String type, String slotId, String bookingId, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(BOOKINGS, slotId, json);
        CloudEventHeaders.write(record.headers(), new CloudEventAttributes(eventId, type, "/booking-service-test",
                Instant.now(), bookingId));
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    public void requested(String slotId, String bookingId, int units) {
        send("booking.BookingRequested.v1", slotId, bookingId, requestedJson(slotId, bookingId, units));
    }

    public static String requestedJson(String slotId, String bookingId, int units) {
        return """
                {"bookingId":"%s","slotId":"%s","excursionId":"exc-any","operatorId":"op-test","units":%d,"requestedAt":"%s"}"""
                .formatted(bookingId, slotId, units, Instant.now());
    }

    public void confirmed(String slotId, String bookingId, int units) {
        send("booking.BookingConfirmed.v1", slotId, bookingId, """
                {"bookingId":"%s","slotId":"%s","excursionId":"exc-any","operatorId":"op-test","units":%d,"confirmedAt":"%s"}"""
                .formatted(bookingId, slotId, units, Instant.now()));
    }

    public void approved(String slotId, String bookingId, int units) {
        send("booking.BookingApproved.v1", slotId, bookingId, """
                {"bookingId":"%s","slotId":"%s","excursionId":"exc-1","operatorId":"op-1","units":%d,"approvedAt":"%s"}"""
                .formatted(bookingId, slotId, units, Instant.now()));
    }

    public void cancelled(String slotId, String bookingId, int units) {
        send("booking.BookingCancelled.v1", slotId, bookingId, """
                {"bookingId":"%s","slotId":"%s","units":%d,"cancelledBy":"OPERATOR","cancelledAt":"%s"}"""
                .formatted(bookingId, slotId, units, Instant.now()));
    }

    public void expired(String slotId, String bookingId, int units) {
        send("booking.BookingExpired.v1", slotId, bookingId, """
                {"bookingId":"%s","slotId":"%s","units":%d,"expiredAt":"%s"}""".formatted(bookingId, slotId, units, Instant.now()));
    }

    public void declined(String slotId, String bookingId, int units) {
        send("booking.BookingDeclined.v1", slotId, bookingId, """
                {"bookingId":"%s","slotId":"%s","units":%d,"declinedAt":"%s"}""".formatted(bookingId, slotId, units, Instant.now()));
    }

    public void resized(String slotId, String bookingId, String requestId, int units, int previousUnits) {
        send("booking.BookingResizeRequested.v1", slotId, bookingId, """
                {"bookingId":"%s","slotId":"%s","requestId":"%s","units":%d,"previousUnits":%d,"requestedAt":"%s"}"""
                .formatted(bookingId, slotId, requestId, units, previousUnits, Instant.now()));
    }

    /** Polls until {@code done} holds for the answers about {@code slotIds} read so far; returns them. */
    public List<Answer> awaitAnswers(Collection<String> slotIds, Predicate<List<Answer>> done) {
        return awaitAnswers(slotIds, done, Duration.ofSeconds(90));
    }

    /** As above, with an explicit bound (the race sends ten thousand requests). */
    public List<Answer> awaitAnswers(Collection<String> slotIds, Predicate<List<Answer>> done, Duration atMost) {
        flush();
        Set<String> slots = Set.copyOf(slotIds);
        await().atMost(atMost).pollInSameThread().pollInterval(Duration.ofMillis(20)).until(() -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                String type = CloudEventHeaders.type(r.headers());
                if (type != null && type.startsWith("catalog.Seats")) {
                    answers.add(new Answer(type, r.key(), CloudEventHeaders.id(r.headers()), Api.JSON.readTree(r.value())));
                }
            }
            return done.test(of(slots));
        });
        return of(slots);
    }

    /** The answers about these slots read so far. */
    public List<Answer> of(Collection<String> slotIds) {
        return answers.stream().filter(a -> slotIds.contains(a.slotId())).toList();
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
