package ru.promtour.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.bson.Document;

/**
 * The sequential figures and the floors they are compared with, measured in the same run on the same
 * machine: a Kafka produce → consume round trip on the local broker (producer settings of the platform's
 * outbox relay), the store's conditional update (the seat saga's {@code findAndModify}: a filter on the version read and the
 * slot's status, an increment), reserve → ON_HOLD one at a time through the gateway and straight to booking-service,
 * and confirm → email listed by the SMTP catcher. Writes {@code results/floors.json}.
 */
public final class Floors {

    public static void main(String[] args) throws Exception {
        Drain.await();
        int samples = Bench.intProperty("bench.floorSamples", 2000);
        ObjectNode result = Bench.JSON.createObjectNode();
        result.set("kafkaRoundTrip", kafkaRoundTrip(samples));
        result.set("storeConditionalUpdate", storeUpdate(samples));
        result.set("storeConditionalUpdateThroughput", storeThroughput(samples * 4, 8));
        result.set("kafkaThroughput", kafkaThroughput(Bench.intProperty("bench.kafkaRecords", 50_000), 600));
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("rates");
        String slot = program.path("slots").get(0).asText();
        Api viaGateway = new Api(Bench.GATEWAY, setup.path("operatorKey").asText());
        Api direct = new Api(Bench.BOOKING_DIRECT, DirectToken.forOperator(setup.path("operatorId").asText(),
                setup.path("operatorName").asText(), setup.path("operatorEmail").asText()));
        int reserves = Bench.intProperty("bench.sequentialReserves", 300);
        sequentialReserves(viaGateway, program, slot, 50);  // warm both paths
        sequentialReserves(direct, program, slot, 50);
        result.set("reserveSequentialGateway", sequentialReserves(viaGateway, program, slot, reserves));
        result.set("reserveSequentialDirect", sequentialReserves(direct, program, slot, reserves));
        result.set("confirmToEmail", confirmToEmail(viaGateway, program, slot, Bench.intProperty("bench.emails", 50)));
        Bench.writeResult("floors", result);
        System.out.println(Bench.JSON.writeValueAsString(result));
    }

    /** Produce one record, wait until the consumer has it, repeat: the latency of one hop through the broker. */
    static ObjectNode kafkaRoundTrip(int samples) throws Exception {
        String topic = newTopic("bench.roundtrip.", 1);
        Properties producerConfig = producerConfig();
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        Properties consumerConfig = consumerConfig(topic);
        SynchronousQueue<Long> received = new SynchronousQueue<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(producerConfig, new LongSerializer(), new LongSerializer());
             KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(consumerConfig, new LongDeserializer(), new LongDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
            Future<?> loop = reader.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
                        try {
                            received.put(record.value());
                        }
                        catch (InterruptedException ex) {
                            return;
                        }
                    }
                }
            });
            Histogram histogram = new Histogram(60_000_000_000L, 3);
            for (long i = 0; i < samples + 200; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, i, i));
                Long value = received.poll(10, TimeUnit.SECONDS);
                if (value == null || value != i) {
                    throw new IllegalStateException("Round trip " + i + " lost (got " + value + ")");
                }
                if (i >= 200) {  // the first ones warm up the connections
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
            loop.cancel(true);
            reader.shutdownNow();
            reader.awaitTermination(5, TimeUnit.SECONDS);
            return micros(histogram, samples);
        }
    }

    /**
     * The broker's cost per event: {@code records} records of {@code bytes} bytes (about an event of the platform,
     * {@code Sizes}) produced as the outbox relay does ({@code acks=all}, idempotent) to a 6-partition topic and read
     * back by one consumer; records/s end to end and the broker process's CPU per record (the local stack's JVM,
     * otherwise idle meanwhile). The capacity plan's events/s are priced with it.
     */
    static ObjectNode kafkaThroughput(int records, int bytes) throws Exception {
        String topic = newTopic("bench.throughput.", 6);
        Properties producerConfig = producerConfig();
        Properties consumerConfig = consumerConfig(topic);
        byte[] value = new byte[bytes];
        java.util.Arrays.fill(value, (byte) 'x');
        Map<String, Double> cpuBefore = Processes.cpuSeconds();
        long started = System.nanoTime();
        long read = 0;
        try (KafkaProducer<Long, byte[]> producer = new KafkaProducer<>(producerConfig, new LongSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
             KafkaConsumer<Long, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new LongDeserializer(),
                     new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, i, value));
            }
            producer.flush();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (read < records && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> cpuAfter = Processes.cpuSeconds();
        ObjectNode node = Bench.JSON.createObjectNode().put("records", read).put("bytes", bytes)
                .put("seconds", Math.round(seconds * 100) / 100.0).put("perSecond", Math.round(read / seconds));
        Double brokerBefore = cpuBefore.get("local-stack");
        Double brokerAfter = cpuAfter.get("local-stack");
        if (brokerBefore != null && brokerAfter != null && read > 0) {
            node.put("brokerCpuMsPerRecord", Math.round((brokerAfter - brokerBefore) * 1000 / read * 1000) / 1000.0);
        }
        return node;
    }

    /** A topic of the suite's own on the local broker (one replica), named {@code prefix} + a random tag. */
    private static String newTopic(String prefix, int partitions) throws Exception {
        String topic = prefix + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", (Object) Bench.KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    /** The platform's producer settings (the outbox relay's): {@code acks=all}, idempotent. */
    private static Properties producerConfig() {
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", Bench.KAFKA, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        return config;
    }

    /** A consumer of its own group on {@code topic}, from the first offset, committing nothing. */
    private static Properties consumerConfig(String topic) {
        Properties config = new Properties();
        config.putAll(Map.of("bootstrap.servers", Bench.KAFKA, ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        return config;
    }

    /** The seat saga's write alone: a findAndModify conditional on version and free seats, one at a time. */
    static ObjectNode storeUpdate(int samples) {
        try (MongoClient mongo = MongoClients.create(Bench.MONGO)) {
            MongoCollection<Document> slots = benchSlots(mongo);
            String id = insertSlot(slots);
            Histogram histogram = new Histogram(60_000_000_000L, 3);
            long[] version = {0};
            for (int i = 0; i < samples + 200; i++) {
                long start = System.nanoTime();
                version[0] = conditionalHold(slots, id, version[0]);
                if (i >= 200) {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
            return micros(histogram, samples);
        }
    }

    /** The same write from {@code threads} threads on as many documents: the store's throughput ceiling. */
    static ObjectNode storeThroughput(int writes, int threads) throws Exception {
        try (MongoClient mongo = MongoClients.create(Bench.MONGO)) {
            MongoCollection<Document> slots = benchSlots(mongo);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<LongSupplier> workers = java.util.stream.IntStream.range(0, threads).<LongSupplier>mapToObj(t -> () -> {
                String id = insertSlot(slots);
                long version = 0;
                for (int i = 0; i < writes / threads; i++) {
                    version = conditionalHold(slots, id, version);
                }
                return version;
            }).toList();
            long start = System.nanoTime();
            for (Future<Long> done : pool.invokeAll(workers.stream().map(w -> (java.util.concurrent.Callable<Long>) w::getAsLong).toList())) {
                done.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return Bench.JSON.createObjectNode().put("writes", writes).put("threads", threads)
                    .put("perSecond", Math.round(writes / seconds));
        }
    }

    private static MongoCollection<Document> benchSlots(MongoClient mongo) {
        return mongo.getDatabase("bench").getCollection("slots");
    }

    /** A slot-shaped document with room for every hold of the run. */
    private static String insertSlot(MongoCollection<Document> slots) {
        String id = UUID.randomUUID().toString();
        slots.insertOne(new Document("_id", id).append("capacity", Integer.MAX_VALUE).append("held", 0).append("confirmed", 0)
                .append("status", "OPEN").append("version", 0L));
        return id;
    }

    private static long conditionalHold(MongoCollection<Document> slots, String id, long version) {
        Document updated = slots.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.eq("version", version), Filters.eq("status", "OPEN")),
                Updates.combine(Updates.inc("held", 1), Updates.inc("version", 1L)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (updated == null) {
            throw new IllegalStateException("The conditional update found no document");
        }
        return updated.get("version", Number.class).longValue();
    }

    /** One reserve of one seat at a time; each answer must be ON_HOLD. */
    static ObjectNode sequentialReserves(Api api, JsonNode program, String slot, int count) {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Api.Response held = api.post("/octo/bookings", Reserve.body(program.path("productId").asText(), slot,
                    program.path("unitId").asText()));
            histogram.recordValue(System.nanoTime() - start);
            if (held.status() != 200 || !"ON_HOLD".equals(held.text("/status"))) {
                throw new IllegalStateException("Reserve answered " + held.status() + " " + held.body());
            }
        }
        return micros(histogram, count);
    }

    /** From sending the confirm until the SMTP catcher lists the group leader's email (polled every 5 ms). */
    static ObjectNode confirmToEmail(Api octo, JsonNode program, String slot, int count) {
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        Api messages = new Api(Bench.MESSAGES, null);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            Api.Response held = octo.post("/octo/bookings", Reserve.body(program.path("productId").asText(), slot,
                    program.path("unitId").asText()));
            String to = "leader-" + tag + "-" + i + "@school.example";
            long start = System.nanoTime();
            octo.expect(200, octo.post("/octo/bookings/" + held.text("/uuid") + "/confirm", Map.of("contact", Map.of(
                    "fullName", "Руководитель группы", "emailAddress", to, "phoneNumber", "+79001112233", "locales", List.of("ru")))),
                    "confirm");
            while (!hasEmail(messages.get("/api/messages?to=" + to).body())) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw new IllegalStateException("No email for " + to + " within 30 s");
                }
                Simulations.pause(5);
            }
            histogram.recordValue(System.nanoTime() - start);
        }
        return micros(histogram, count);
    }

    private static boolean hasEmail(JsonNode messages) {
        for (JsonNode message : messages) {
            if ("EMAIL".equals(message.path("channel").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Percentiles in milliseconds with microsecond precision. */
    private static ObjectNode micros(Histogram nanos, int samples) {
        return Bench.JSON.createObjectNode().put("samples", samples)
                .put("p50", ms(nanos.getValueAtPercentile(50))).put("p95", ms(nanos.getValueAtPercentile(95)))
                .put("p99", ms(nanos.getValueAtPercentile(99))).put("max", ms(nanos.getMaxValue()))
                .put("perSecond", Math.round(1e9 / nanos.getMean()));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1000.0) / 1000.0;
    }
}
