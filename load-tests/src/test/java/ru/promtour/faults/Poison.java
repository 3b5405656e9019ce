package ru.promtour.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Poison records on every topic a service consumes — undecodable bytes, JSON of the wrong shape, an empty event
 * (required fields missing), and a type outside the topic owner's — published with the CloudEvents headers the platform's producers set; then the
 * dead-letter topics are read back to find each one, per consumer group
 * ({@code kafka_dlt-original-consumer-group}), with the time it took to get there.
 */
final class Poison {

    /** A consumed topic, a type its consumers read, and their groups. */
    record Topic(String name, String knownType, List<String> groups) {
    }

    static final List<Topic> CONSUMED = List.of(
            new Topic("catalog.excursions.v1", "catalog.ExcursionPublished.v1", List.of("booking-service.catalog-projection")),
            new Topic("catalog.slots.v1", "catalog.SlotPublished.v1", List.of("booking-service.catalog-projection")),
            new Topic("booking.seats.v1", "booking.SeatsHeld.v1", List.of("catalog-service.ledger")),
            new Topic("booking.bookings.v1", "booking.BookingConfirmed.v1",
                    List.of("booking-service.ledger-repair", "notification-service", "notification-webhooks")),
            new Topic("catalog.availability.v1", "catalog.AvailabilityChanged.v1", List.of("notification-webhooks")));

    /** One poison record as sent: its key (unique), kind, topic and when. */
    record Sent(String key, String kind, Topic topic, Instant at) {
    }

    /** Where one poison record ended up: each group that dead-lettered it, with the seconds it took. */
    record Found(Sent sent, Map<String, Double> secondsByGroup) {
    }

    private static final String DLT_GROUP_HEADER = "kafka_dlt-original-consumer-group";

    private final String bootstrap;

    Poison(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    List<Sent> send() {
        List<Sent> sent = new ArrayList<>();
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Topic topic : CONSUMED) {
                sent.add(send(producer, topic, "undecodable", topic.knownType(), new byte[] {(byte) 0xC3, 0x28, '{', 0x00, (byte) 0xFF}));
                sent.add(send(producer, topic, "schema-invalid", topic.knownType(),
                        "{\"id\":42,\"slotId\":[\"not\",\"a\",\"string\"],\"capacity\":\"many\",\"ledger\":17}".getBytes(StandardCharsets.UTF_8)));
                sent.add(send(producer, topic, "required fields missing", topic.knownType(), "{}".getBytes(StandardCharsets.UTF_8)));
                sent.add(send(producer, topic, "unknown type", "faults.NoSuchEvent.v1", "{}".getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        return sent;
    }

    private static Sent send(KafkaProducer<byte[], byte[]> producer, Topic topic, String kind, String type, byte[] body) {
        String key = "poison-" + UUID.randomUUID();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic.name(), key.getBytes(StandardCharsets.UTF_8), body);
        record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_type", bytes(type)).add("ce_source", bytes("/fault-suite")).add("ce_time", bytes(Instant.now().toString()))
                .add("content-type", bytes("application/json"));
        Instant at = Instant.now();
        producer.send(record);
        return new Sent(key, kind, topic, at);
    }

    /** Reads every dead-letter topic from the start and finds the poison records by key. */
    List<Found> find(List<Sent> sent) {
        Map<String, Sent> byKey = new LinkedHashMap<>();
        sent.forEach(s -> byKey.put(s.key(), s));
        Map<String, Map<String, Double>> found = new LinkedHashMap<>();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : CONSUMED) {
                consumer.partitionsFor(topic.name() + "-dlt").forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Sent origin = record.key() == null ? null : byKey.get(new String(record.key(), StandardCharsets.UTF_8));
                    if (origin != null) {
                        Header group = record.headers().lastHeader(DLT_GROUP_HEADER);
                        found.computeIfAbsent(origin.key(), k -> new TreeMap<>()).put(
                                group == null ? "?" : new String(group.value(), StandardCharsets.UTF_8),
                                (record.timestamp() - origin.at().toEpochMilli()) / 1000.0);
                    }
                }
            }
        }
        return sent.stream().map(s -> new Found(s, found.getOrDefault(s.key(), Map.of()))).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
