package ru.promtour.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.RawBsonDocument;

/**
 * What the load left behind, for the capacity plan's storage figures ({@code docs/capacity.md}): per collection of
 * each service's database, the documents and their average BSON size (up to {@code bench.sizeSample} documents read
 * raw, so the size is the stored encoding, not a guess); per topic, the records and their average size on the wire
 * (key + value + headers, read from the first offset); and the stored size of the school class's booking that
 * {@link Setup} made (15 visitors; the load's own bookings carry one). Writes {@code results/sizes.json}.
 */
public final class Sizes {

    private static final List<String> DATABASES = List.of("gateway", "catalog", "booking", "notification", "reporting");

    private Sizes() {
    }

    public static void main(String[] args) throws Exception {
        int sample = Bench.intProperty("bench.sizeSample", 2000);
        ObjectNode result = Bench.JSON.createObjectNode();
        ObjectNode collections = result.putObject("collections");
        try (MongoClient mongo = MongoClients.create(Bench.MONGO)) {
            for (String name : DATABASES) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames().into(new TreeSet<>())) {
                    long documents = database.getCollection(collection).countDocuments();
                    long bytes = 0;
                    int read = 0;
                    for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find().limit(sample)) {
                        bytes += document.getByteBuffer().remaining();
                        read++;
                    }
                    if (read > 0) {
                        collections.putObject(name + "." + collection).put("documents", documents).put("averageBytes", bytes / read);
                    }
                }
            }
        }
        String classBooking = Bench.setup().path("classBookingUuid").asText("");
        if (!classBooking.isEmpty()) {
            try (MongoClient mongo = MongoClients.create(Bench.MONGO)) {
                RawBsonDocument stored = mongo.getDatabase("booking").getCollection("bookings", RawBsonDocument.class)
                        .find(Filters.eq("uuid", classBooking)).first();
                if (stored != null) {
                    result.putObject("classBooking").put("visitors", Setup.CLASS_SIZE).put("bytes", stored.getByteBuffer().remaining());
                }
            }
        }
        ObjectNode topics = result.putObject("topics");
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Bench.KAFKA);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        try (Admin admin = Admin.create(config);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : new TreeSet<>(admin.listTopics().names().get())) {
                if (topic.startsWith("bench.")) {
                    continue;   // the suite's own (Floors)
                }
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
                long records = partitions.stream().mapToLong(p -> ends.get(p) - starts.get(p)).sum();
                if (records == 0) {
                    continue;
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long bytes = 0;
                int read = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (read < Math.min(sample, records) && System.nanoTime() < deadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        bytes += length(record.key()) + length(record.value());
                        for (Header header : record.headers()) {
                            bytes += header.key().length() + length(header.value());
                        }
                        read++;
                    }
                }
                if (read > 0) {
                    topics.putObject(topic).put("records", records).put("averageBytes", bytes / read);
                }
            }
        }
        Bench.writeResult("sizes", result);
        System.out.println(result);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
