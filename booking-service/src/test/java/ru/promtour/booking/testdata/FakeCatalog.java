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
 * The catalog's side of the seat saga played with plain Kafka clients: publishes catalog events, reads
 * {@code booking.bookings.v1} from its end and answers the seat requests of the slots it was told about
 * with a simple seat count (held per booking, capacity per slot). Every booking event read is recorded for
 * assertions. Slots it was not told about get no answer (as if the catalog were slow).
 */
public final class FakeCatalog implements AutoCloseable {

    public static final String BOOKINGS = "booking.bookings.v1";
    public static final String SLOTS = "catalog.slots.v1";
    public static final String EXCURSIONS = "catalog.excursions.v1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Integer> capacity = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Integer>> holds = new ConcurrentHashMap<>();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    /** One booking event read from the topic. */
    public record Event(String type, String id, String slotId, String bookingId, JsonNode body) {
    }

    public FakeCatalog() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(BOOKINGS, Duration.ofSeconds(5)), list -> !list.isEmpty()).stream()
                .map(p -> new TopicPartition(BOOKINGS, p.partition())).toList();
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

    /** Publishes an open slot and answers seat requests on it from now on. */
    public void slot(String slotId, CatalogData.Program p, Instant start, int seats) {
        capacity.put(slotId, seats);
        holds.put(slotId, new ConcurrentHashMap<>());
        send(SLOTS, "catalog.SlotPublished.v1", slotId, slotId,
                CatalogData.slot(slotId, p, start, seats, seats, "OPEN", 1, null));
    }

    /**
     * Publishes an open slot announcing {@code announced} free seats while only {@code seats} are really left
     * (others' holds the announcement has not caught up with): the saga, not the announcement, decides.
     */
    public void slotBehindTheCatalog(String slotId, CatalogData.Program p, Instant start, int announced, int seats) {
        capacity.put(slotId, seats);
        holds.put(slotId, new ConcurrentHashMap<>());
        send(SLOTS, "catalog.SlotPublished.v1", slotId, slotId,
                CatalogData.slot(slotId, p, start, announced, announced, "OPEN", 1, null));
    }

    /** Publishes a slot that is never answered (the catalog is "late"). */
    public void silentSlot(String slotId, CatalogData.Program p, Instant start, int seats) {
        send(SLOTS, "catalog.SlotPublished.v1", slotId, slotId,
                CatalogData.slot(slotId, p, start, seats, seats, "OPEN", 1, null));
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

    /** Seats the fake catalog counts as held or sold on a slot. */
    public int taken(String slotId) {
        return holds.getOrDefault(slotId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private void poll() {
        while (running.get()) {
            try {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                    String type = CloudEventHeaders.type(r.headers());
                    JsonNode body = BookingApi.JSON.readTree(r.value());
                    Event event = new Event(type, CloudEventHeaders.id(r.headers()), r.key(),
                            body.path("bookingId").asString(), body);
                    events.add(event);
                    answer(event);
                }
            }
            catch (org.apache.kafka.common.errors.WakeupException | IllegalStateException ex) {
                return;
            }
        }
    }

    private void answer(Event e) {
        Map<String, Integer> slot = holds.get(e.slotId());
        if (slot == null || e.type() == null) {
            return;
        }
        int cap = capacity.get(e.slotId());
        String booking = e.bookingId();
        switch (e.type()) {
            case "booking.BookingRequested.v1" -> {
                if (slot.containsKey(booking)) {
                    return;
                }
                int units = e.body().path("units").asInt();
                int taken = taken(e.slotId());
                if (taken + units <= cap) {
                    slot.put(booking, units);
                    answer("catalog.SeatsHeld.v1", e, """
                            {"slotId":"%s","bookingId":"%s","units":%d,"held":%d,"confirmed":0,"capacity":%d,"available":%d,"heldAt":"%s"}"""
                            .formatted(e.slotId(), booking, units, taken + units, cap, cap - taken - units, Instant.now()));
                }
                else {
                    answer("catalog.SeatsRejected.v1", e, """
                            {"slotId":"%s","bookingId":"%s","units":%d,"reason":"SOLD_OUT","available":%d,"rejectedAt":"%s"}"""
                            .formatted(e.slotId(), booking, units, cap - taken, Instant.now()));
                }
            }
            case "booking.BookingResizeRequested.v1" -> {
                int units = e.body().path("units").asInt();
                int previous = slot.getOrDefault(booking, 0);
                String requestId = e.body().path("requestId").asString();
                int delta = units - previous;
                int taken = taken(e.slotId());
                if (delta > 0 && taken + delta > cap) {
                    answer("catalog.SeatsRejected.v1", e, """
                            {"slotId":"%s","bookingId":"%s","requestId":"%s","units":%d,"reason":"SOLD_OUT","available":%d,"rejectedAt":"%s"}"""
                            .formatted(e.slotId(), booking, requestId, delta, cap - taken, Instant.now()));
                    return;
                }
                slot.put(booking, units);
                String type = delta > 0 ? "catalog.SeatsHeld.v1" : "catalog.SeatsReleased.v1";
                answer(type, e, """
                        {"slotId":"%s","bookingId":"%s","requestId":"%s","units":%d,"cause":"RESIZED","held":0,"confirmed":0,"capacity":%d,"available":%d,"heldAt":"%s","releasedAt":"%s"}"""
                        .formatted(e.slotId(), booking, requestId, Math.abs(delta), cap, cap - taken - delta, Instant.now(), Instant.now()));
            }
            case "booking.BookingCancelled.v1", "booking.BookingExpired.v1", "booking.BookingDeclined.v1" -> {
                Integer released = slot.remove(booking);
                if (released != null) {
                    answer("catalog.SeatsReleased.v1", e, """
                            {"slotId":"%s","bookingId":"%s","units":%d,"cause":"CANCELLED","held":0,"confirmed":0,"capacity":%d,"available":%d,"releasedAt":"%s"}"""
                            .formatted(e.slotId(), booking, released, cap, cap - taken(e.slotId()), Instant.now()));
                }
            }
            default -> {
                // confirmations keep the seats; nothing to answer that the booking service needs
            }
        }
    }

    private void answer(String type, Event cause, String json) {
        send(SLOTS, type, cause.slotId(), cause.bookingId(), json);
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
