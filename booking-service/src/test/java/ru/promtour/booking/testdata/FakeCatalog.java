package ru.promtour.booking.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.test.infra.TestInfrastructure;
import tools.jackson.databind.JsonNode;


/**
 * The catalog played with plain Kafka clients: publishes programs, slots and the enterprise's slot change
 * requests, and records what the booking service publishes — {@code booking.bookings.v1} and the seat ledger's
 * {@code booking.seats.v1} — for assertions.
 */
public final class FakeCatalog implements AutoCloseable {

    public static final String BOOKINGS = "booking.bookings.v1";
    public static final String SEATS = "booking.seats.v1";
    public static final String SLOTS = "catalog.slots.v1";
    public static final String EXCURSIONS = "catalog.excursions.v1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    /**
     * One event read from a booking-service topic; {@code bookingId} (seat events, or a route event's
     * {@code routeBookingId}) or {@code requestId} (answers).
     */
    public record Event(String type, String id, String slotId, String bookingId, String requestId, JsonNode body) {
    }

    public FakeCatalog() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        for (String topic : List.of(BOOKINGS, SEATS)) {
            partitions.addAll(Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), list -> !list.isEmpty()).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList());
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        poller = new Thread(this::poll, "fake-catalog");
        poller.setDaemon(true);
        poller.start();
    }

    /** Publishes a program ({@code ExcursionPublished}). */
    public void excursion(CatalogData.Program p) {
        send(EXCURSIONS, "catalog.ExcursionPublished.v1", p.excursionId(), p.excursionId(), p.json(1));
    }

    /** Publishes an open slot ({@code SlotPublished}): the booking service opens its ledger. */
    public void slot(String slotId, CatalogData.Program p, Instant start, int seats) {
        send(SLOTS, "catalog.SlotPublished.v1", slotId, slotId,
                CatalogData.slot(slotId, p, start, seats, seats, "OPEN", 1, null));
    }

    /** The enterprise asks for a change of the slot ({@code SlotChangeRequested}); returns its request id. */
    public String change(String slotId, String change, Integer capacity, String reason) {
        String requestId = UUID.randomUUID().toString();
        send(SLOTS, "catalog.SlotChangeRequested.v1", slotId, slotId, CatalogData.changeRequest(slotId, requestId,
                change, capacity, reason));
        return requestId;
    }

    /** The ledger's answer to a change request, once it came. */
    public Event answer(String requestId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> events.stream().filter(e -> requestId.equals(e.requestId())).findFirst().orElse(null),
                e -> e != null);
    }

    /** Publishes any slot or seat event as given. */
    public void send(String topic, String type, String key, String subject, String json) {
        sendWithId(UUID.randomUUID().toString(), topic, type, key, subject, json);
    }

    public void sendWithId(String id, String topic, String type, String key, String subject, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        CloudEventHeaders.write(record.headers(), new CloudEventAttributes(id, type, "/catalog-service-test",
                Instant.now(), subject));
        producer.send(record);
        producer.flush();
    }

    /** Every event read so far, in order. */
    public List<Event> all() {
        return List.copyOf(events);
    }

    /** The booking events of one booking read so far, in order. */
    public List<Event> of(String bookingId) {
        return events.stream().filter(e -> bookingId.equals(e.bookingId())).toList();
    }

    /** How many events of {@code type} the booking emitted so far. */
    public long count(String bookingId, String type) {
        return of(bookingId).stream().filter(e -> e.type().equals(type)).count();
    }

    /** Waits until the booking emitted an event of {@code type}; returns the first. */
    public Event await(String bookingId, String type) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> of(bookingId).stream().filter(e -> e.type().equals(type)).findFirst().orElse(null),
                e -> e != null);
    }

    private void poll() {
        while (running.get()) {
            try {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    String type = CloudEventHeaders.type(r.headers());
                    JsonNode body = BookingApi.JSON.readTree(r.value());
                    events.add(new Event(type, CloudEventHeaders.id(r.headers()), r.key(),
                            body.path("bookingId").asString(body.path("routeBookingId").asString(null)),
                            body.path("requestId").asString(null), body));
                }
            }
            catch (org.apache.kafka.common.errors.WakeupException | IllegalStateException ex) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            poller.join(5000);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        producer.close();
    }
}
