package ru.promtour.catalog.testdata;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.infra.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.awaitility.Awaitility.await;

/**
 * booking-service's seat ledger, played with plain Kafka clients for the catalog's tests: it reads
 * {@code catalog.slots.v1} (a ledger per {@code SlotPublished}, like the real one), answers each
 * {@code SlotChangeRequested} on {@code booking.seats.v1} by the ledger's rules (never below held + confirmed,
 * a cancelled slot takes no change), and holds, sells and releases seats on demand, publishing each snapshot.
 * <p>
 * One per test JVM ({@link #get()}), because the broker and the store are shared by every test context: two
 * fakes would answer the same request from two different states. It reads the topic from its beginning, so it
 * knows every slot whatever the order the tests start in; requests written before it started (history) are
 * not answered. Everything it is told is per slot, and slot ids are unique per test, so tests do not disturb
 * each other: {@link #silence} makes it ignore one slot's requests, {@link #holdUnannounced} changes a ledger
 * without telling the catalog (a snapshot still on its way).
 */
public final class FakeLedger {

    public static final String SLOTS = "catalog.slots.v1";
    public static final String SEATS = "booking.seats.v1";

    private static volatile FakeLedger instance;

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
    private final Map<String, SlotLedger> ledgers = new ConcurrentHashMap<>();
    private final Map<String, List<Event>> events = new ConcurrentHashMap<>();
    private final Map<String, List<Event>> sent = new ConcurrentHashMap<>();
    private final Set<String> silenced = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Long> historyEnds = new HashMap<>();

    /** One event of the catalog on {@code catalog.slots.v1}: {@code ce_type} and its JSON body. */
    public record Event(String type, JsonNode body) {
    }

    /** The ledger of one slot as the fake holds it; {@code version} grows with every write. */
    public record Snapshot(int capacity, int held, int confirmed, String status, long version) {
        public int available() {
            return Math.max(0, capacity - held - confirmed);
        }

        ObjectNode json() {
            return Api.JSON.createObjectNode().put("capacity", capacity).put("held", held).put("confirmed", confirmed)
                    .put("available", available()).put("status", status).put("version", version);
        }
    }

    private FakeLedger() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        // the topic may not exist yet in a fresh broker: the metadata request creates it, a later one sees it
        List<TopicPartition> partitions = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(SLOTS, Duration.ofSeconds(5)), list -> !list.isEmpty()).stream()
                .map(p -> new TopicPartition(SLOTS, p.partition())).toList();
        consumer.assign(partitions);
        historyEnds.putAll(consumer.endOffsets(partitions));
        consumer.seekToBeginning(partitions);
        Thread poller = new Thread(() -> poll(consumer), "fake-ledger");
        poller.setDaemon(true);
        poller.start();
    }

    /** The fake of this JVM, started on first use. */
    public static FakeLedger get() {
        if (instance == null) {
            synchronized (FakeLedger.class) {
                if (instance == null) {
                    instance = new FakeLedger();
                }
            }
        }
        return instance;
    }

    private void poll(KafkaConsumer<String, String> consumer) {
        while (true) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                try {
                    read(record);
                }
                catch (RuntimeException | AssertionError ex) {
                    System.err.println("[fake-ledger] cannot handle " + record + ": " + ex);
                }
            }
        }
    }

    private void read(ConsumerRecord<String, String> record) {
        String type = CloudEventHeaders.type(record.headers());
        if (type == null || record.value() == null) {
            return;
        }
        JsonNode body = Api.JSON.readTree(record.value());
        String slotId = record.key();
        events.computeIfAbsent(slotId, k -> new CopyOnWriteArrayList<>()).add(new Event(type, body));
        boolean history = record.offset() < historyEnds.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L);
        switch (type) {
            case "catalog.SlotPublished.v1" -> ledgers.putIfAbsent(slotId,
                    new SlotLedger(body.path("capacity").asInt(), body.path("status").asString()));
            case "catalog.SlotChangeRequested.v1" -> {
                if (!history && !silenced.contains(slotId)) {
                    decide(slotId, body);
                }
            }
            // facts of history: what the ledger must have applied before this fake existed
            case "catalog.SlotCapacityChanged.v1", "catalog.SlotClosed.v1", "catalog.SlotReopened.v1",
                 "catalog.SlotCancelled.v1" -> {
                SlotLedger ledger = ledgers.get(slotId);
                if (history && ledger != null) {
                    synchronized (ledger) {
                        ledger.capacity = body.path("capacity").asInt();
                        ledger.status = body.path("status").asString();
                    }
                }
            }
            default -> {
            }
        }
    }

    /** Answers a change request as the real ledger would: apply it, or refuse it with the ledger's figures. */
    public void decide(String slotId, JsonNode request) {
        String requestId = request.path("requestId").asString();
        String change = request.path("change").asString();
        SlotLedger ledger = ledgers.get(slotId);
        if (ledger == null) {
            publish("booking.SlotChangeRefused.v1", slotId, Api.JSON.createObjectNode().put("slotId", slotId)
                    .put("requestId", requestId).put("change", change).put("reason", "UNKNOWN_SLOT")
                    .put("at", Instant.now().toString()));
            return;
        }
        synchronized (ledger) {
            ObjectNode answer = Api.JSON.createObjectNode().put("slotId", slotId).put("requestId", requestId).put("change", change);
            if (request.has("capacity")) {
                answer.put("capacity", request.path("capacity").asInt());
            }
            String refusal = "CANCELLED".equals(ledger.status) ? "SLOT_CANCELLED"
                    : "CAPACITY".equals(change) && request.path("capacity").asInt() < ledger.held() + ledger.confirmed()
                    ? "BELOW_HELD_PLUS_CONFIRMED" : null;
            if (refusal != null) {
                answer.put("reason", refusal).put("message", "refused by the fake ledger").put("at", Instant.now().toString())
                        .set("ledger", ledger.snapshot().json());
                publish("booking.SlotChangeRefused.v1", slotId, answer);
                return;
            }
            switch (change) {
                case "CAPACITY" -> {
                    answer.put("previousCapacity", ledger.capacity);
                    ledger.capacity = request.path("capacity").asInt();
                }
                case "CLOSE" -> ledger.status = "CLOSED";
                case "REOPEN" -> ledger.status = "OPEN";
                case "CANCEL" -> {
                    ledger.status = "CANCELLED";
                    answer.set("affectedBookingIds", Api.JSON.valueToTree(ledger.bookings()));
                }
                default -> throw new IllegalArgumentException(change);
            }
            if (request.has("reason")) {
                answer.put("reason", request.path("reason").asString());
            }
            ledger.version++;
            answer.put("at", Instant.now().toString()).set("ledger", ledger.snapshot().json());
            publish("booking.SlotChangeApplied.v1", slotId, answer);
        }
    }

    /** This slot's change requests are read but not answered (the ledger is "away"). */
    public void silence(String slotId) {
        silenced.add(slotId);
    }

    /** This slot's change requests are answered again (those that came meanwhile stay unanswered). */
    public void speak(String slotId) {
        silenced.remove(slotId);
    }

    /** A new booking holds {@code units}; the snapshot goes out. Returns the booking id. */
    public String hold(String slotId, int units) {
        String bookingId = "bk-" + UUID.randomUUID();
        SlotLedger ledger = ledger(slotId);
        synchronized (ledger) {
            ledger.holds.put(bookingId, units);
            announce(slotId, "booking.SeatsHeld.v1", bookingId, units, "RESERVED", ledger);
        }
        return bookingId;
    }

    /** Holds, then waits until the catalog shows the ledger's counts (read through {@code api}). Returns the booking id. */
    public String holdSeen(Api api, String slotId, int units) {
        String bookingId = hold(slotId, units);
        awaitSeen(api, slotId);
        return bookingId;
    }

    /** Waits until the catalog shows this slot's ledger as the fake has it now (read through {@code api}). */
    public void awaitSeen(Api api, String slotId) {
        Snapshot now = snapshot(slotId);
        api.awaitSlot(slotId, slot -> slot.path("held").asInt() == now.held()
                && slot.path("confirmed").asInt() == now.confirmed() && slot.path("capacity").asInt() == now.capacity());
    }

    /** A hold the catalog has not heard of yet: its snapshot is still on its way. */
    public void holdUnannounced(String slotId, int units) {
        SlotLedger ledger = ledger(slotId);
        synchronized (ledger) {
            ledger.holds.put("bk-" + UUID.randomUUID(), units);
            ledger.version++;
        }
    }

    /** The booking's hold becomes sold seats. */
    public void confirm(String slotId, String bookingId) {
        SlotLedger ledger = ledger(slotId);
        synchronized (ledger) {
            int units = ledger.holds.remove(bookingId);
            ledger.sales.put(bookingId, units);
            announce(slotId, "booking.SeatsConfirmed.v1", bookingId, units, null, ledger);
        }
    }

    /** The booking's seats, held or sold, go back. */
    public void release(String slotId, String bookingId) {
        SlotLedger ledger = ledger(slotId);
        synchronized (ledger) {
            Integer units = ledger.holds.remove(bookingId);
            if (units == null) {
                units = ledger.sales.remove(bookingId);
            }
            announce(slotId, "booking.SeatsReleased.v1", bookingId, units, "CANCELLED", ledger);
        }
    }

    /** The ledger of the slot now. */
    public Snapshot snapshot(String slotId) {
        SlotLedger ledger = ledger(slotId);
        synchronized (ledger) {
            return ledger.snapshot();
        }
    }

    /** What the fake published about this slot on {@code booking.seats.v1}, in order. */
    public List<Event> sent(String slotId) {
        return List.copyOf(sent.getOrDefault(slotId, List.of()));
    }

    /** The catalog's events about this slot read so far, in order. */
    public List<Event> events(String slotId) {
        return List.copyOf(events.getOrDefault(slotId, List.of()));
    }

    /** Waits until the events about this slot satisfy {@code done}; returns them. */
    public List<Event> awaitEvents(String slotId, Predicate<List<Event>> done) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> events(slotId), done);
    }

    /** Waits for the {@code n}-th (1-based) event of {@code type} about the slot. */
    public Event awaitEvent(String slotId, String type, int n) {
        List<Event> ofType = awaitEvents(slotId, all -> all.stream().filter(e -> e.type().equals(type)).count() >= n)
                .stream().filter(e -> e.type().equals(type)).toList();
        return ofType.get(n - 1);
    }

    /** A {@code booking.seats.v1} event with the given body (a replayed answer, an old snapshot, ...). */
    public void publish(String type, String slotId, JsonNode body) {
        Contracts.assertMatchesSchema(type, body.toString());   // the fake speaks the real contract
        sent.computeIfAbsent(slotId, k -> new CopyOnWriteArrayList<>()).add(new Event(type, body));
        ProducerRecord<String, String> record = new ProducerRecord<>(SEATS, slotId, body.toString());
        CloudEventHeaders.write(record.headers(), new CloudEventAttributes(UUID.randomUUID().toString(), type,
                "/booking-service-test", Instant.now(), slotId));
        producer.send(record);
        producer.flush();
    }

    /** A record whose body is not JSON (poison). */
    public void publishUnreadable(String slotId, String type) {
        try (KafkaProducer<String, byte[]> bytes = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(SEATS, slotId,
                    "{not json".getBytes(StandardCharsets.UTF_8));
            CloudEventHeaders.write(record.headers(), new CloudEventAttributes(UUID.randomUUID().toString(), type,
                    "/booking-service-test", Instant.now(), slotId));
            bytes.send(record);
        }
    }

    /** A snapshot event with the given ledger, whatever the fake's own state. */
    public static ObjectNode seatsHeld(String slotId, int units, Snapshot ledger) {
        ObjectNode body = Api.JSON.createObjectNode().put("slotId", slotId).put("bookingId", "bk-" + UUID.randomUUID())
                .put("units", units).put("cause", "RESERVED").put("at", Instant.now().toString());
        body.set("ledger", ledger.json());
        return body;
    }

    private void announce(String slotId, String type, String bookingId, int units, String cause, SlotLedger ledger) {
        ledger.version++;
        ObjectNode body = Api.JSON.createObjectNode().put("slotId", slotId).put("bookingId", bookingId).put("units", units);
        if (cause != null) {
            body.put("cause", cause);
        }
        body.put("at", Instant.now().toString()).set("ledger", ledger.snapshot().json());
        publish(type, slotId, body);
    }

    private SlotLedger ledger(String slotId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> ledgers.get(slotId), l -> l != null);
    }

    private static final class SlotLedger {
        int capacity;
        String status;
        long version = 1;
        final Map<String, Integer> holds = new LinkedHashMap<>();
        final Map<String, Integer> sales = new LinkedHashMap<>();

        SlotLedger(int capacity, String status) {
            this.capacity = capacity;
            this.status = status;
        }

        int held() {
            return holds.values().stream().mapToInt(Integer::intValue).sum();
        }

        int confirmed() {
            return sales.values().stream().mapToInt(Integer::intValue).sum();
        }

        List<String> bookings() {
            List<String> ids = new ArrayList<>(holds.keySet());
            ids.addAll(sales.keySet());
            return Collections.unmodifiableList(ids);
        }

        Snapshot snapshot() {
            return new Snapshot(capacity, held(), confirmed(), status, version);
        }
    }
}
