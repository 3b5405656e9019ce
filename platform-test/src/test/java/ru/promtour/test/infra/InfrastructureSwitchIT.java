package ru.promtour.test.infra;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class InfrastructureSwitchIT {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void withoutDockerOrExternalServersBothServersAreEmbeddedOrElseAsConfigured() {
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null && System.getenv("TEST_INFRASTRUCTURE") == null
                && !org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
            assertThat(infra.kafkaMode()).isEqualTo(TestInfrastructure.Mode.EMBEDDED);
            assertThat(infra.mongoMode()).isEqualTo(TestInfrastructure.Mode.EMBEDDED);
        }
        assertThat(TestInfrastructure.get()).as("one shared instance per JVM").isSameAs(infra);
    }

    @Test
    void kafkaCarriesARecordFromProducerToConsumer() throws Exception {
        String topic = "infra-check-" + UUID.randomUUID();
        String value = "hello " + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "infra-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                assertThat(records.records(topic)).extracting(r -> r.value()).contains(value);
            });
        }
    }

    @Test
    void mongoStoresAndReturnsADocument() {
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            var collection = client.getDatabase("infra_check").getCollection("things");
            String id = UUID.randomUUID().toString();
            collection.insertOne(new Document("_id", id).append("seats", 40));
            assertThat(collection.find(new Document("_id", id)).first()).containsEntry("seats", 40);
            assertThat(client.getDatabase("admin").runCommand(new Document("ping", 1)).get("ok")).isIn(1, 1.0);
        }
    }
}
