package ru.promtour.notification.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import static org.awaitility.Awaitility.await;

/** The booking service's side, played with a plain producer: lifecycle events on {@code booking.bookings.v1}. */
public final class BookingKafka implements AutoCloseable {

    public static final String BOOKINGS = "booking.bookings.v1";

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
            ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new StringSerializer());

    /** A booking of its own: the example of {@code type} moved to a fresh booking id (and slot). */
    public record Booking(String bookingId, String slotId) {
        public static Booking fresh() {
            return new Booking(UUID.randomUUID().toString(), "slot-" + UUID.randomUUID());
        }

        public String json(String type) {
            return Events.moved(Events.exampleJson(type), bookingId, slotId, "Asia/Irkutsk", "2026-12-01T02:00:00Z",
                    "2026-12-01T10:00:00+08:00");
        }
    }

    /** Publishes and returns the event id. */
    public String send(String type, Booking booking, String json) {
        return send(UUID.randomUUID().toString(), type, booking.slotId(), booking.bookingId(), json);
    }

    public String send(String eventId, String type, String slotId, String subject, String json) {
        return sendTo(BOOKINGS, eventId, type, slotId, subject, json);
    }

    /** Publishes to any topic (the catalog's, too) and returns the event id. */
    public String sendTo(String topic, String eventId, String type, String key, String subject, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        if (type != null) {
            CloudEventHeaders.write(record.headers(), new CloudEventAttributes(eventId, type, "/booking-service-test",
                    Instant.now(), subject));
        }
        producer.send(record);
        producer.flush();
        return eventId;
    }

    /** Reads {@code topic} from the beginning until a record with {@code key} arrives. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, Duration atMost) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = await().atMost(atMost)
                    .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), list -> !list.isEmpty()).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(atMost).pollInSameThread().until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
