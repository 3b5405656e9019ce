package ru.promtour.catalog.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.infra.TestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The availability events for the operators' webhooks: a slot's seat change becomes one
 * {@code catalog.AvailabilityChanged.v1} on {@code catalog.availability.v1} (key = slot id) whose availability is
 * exactly what {@code POST /octo/availability} answers, and a burst of changes is announced coalesced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "catalog.availability-events.interval=PT0.3S")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class AvailabilityEventsIT {

    static final String SCHEDULE = """
            {"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
             "times":["10:00"],"from":"2099-04-01","to":"2099-04-01","capacity":40}""";

    @LocalServerPort
    int port;

    Api owner;
    Api operator;
    String productId;
    String slotId;
    KafkaConsumer<String, String> consumer;

    @BeforeEach
    void setUp() {
        FakeLedger.get();
        owner = Api.newEnterprise("http://localhost:" + port, "Asia/Irkutsk");
        operator = owner.as(TestTokens.operator("op-" + UUID.randomUUID()));
        productId = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        assertThat(owner.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        assertThat(owner.post("/api/v1/excursions/" + productId + "/schedules", SCHEDULE).status()).isEqualTo(201);
        slotId = owner.get("/api/v1/excursions/" + productId + "/slots?from=2099-04-01&to=2099-04-01").json()
                .path(0).path("id").asString();
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = await().atMost(Duration.ofSeconds(30))
                .until(() -> consumer.partitionsFor(AvailabilityChanged.TOPIC, Duration.ofSeconds(5)), list -> !list.isEmpty())
                .stream().map(p -> new TopicPartition(AvailabilityChanged.TOPIC, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void aSeatChangeIsAnnouncedWithTheAvailabilityOperatorsRead() {
        FakeLedger.get().holdSeen(owner, slotId, 36);

        ConsumerRecord<String, String> event = awaitEvent(e -> e.path("availability").path("vacancies").asInt() == 4);
        assertThat(CloudEventHeaders.type(event.headers())).isEqualTo(AvailabilityChanged.TYPE);
        assertThat(CloudEventHeaders.subject(event.headers())).isEqualTo(slotId);
        Contracts.assertMatchesSchema(AvailabilityChanged.TYPE, event.value());
        JsonNode body = TestHttp.JSON.readTree(event.value());
        assertThat(body.path("productId").asString()).isEqualTo(productId);
        assertThat(body.path("optionId").asString()).isEqualTo("DEFAULT");
        JsonNode read = operator.post("/octo/availability", "{\"productId\":\"" + productId
                + "\",\"optionId\":\"DEFAULT\",\"availabilityIds\":[\"" + slotId + "\"]}").json().path(0);
        assertThat(body.path("availability")).isEqualTo(read);
    }

    @Test
    void aBurstOfSeatChangesIsAnnouncedCoalescedAndEndsWithTheLatestState() {
        for (int i = 0; i < 10; i++) {
            FakeLedger.get().hold(slotId, 1);
        }
        FakeLedger.get().awaitSeen(owner, slotId);

        awaitEvent(e -> e.path("availability").path("vacancies").asInt() == 30);
        assertThat(received.size()).as("one per round, not one per hold").isLessThan(10);
    }

    @Test
    void aSlotThatHasStartedIsNotAnnounced() {
        // a past slot (the history import, issue 18) whose seats change: nothing anyone could book
        TestHttp.Response imported = owner.as(TestTokens.admin()).post("/api/v1/excursions/" + productId + "/history-slots",
                "{\"slots\":[{\"localStart\":\"%sT10:00\",\"capacity\":40}]}".formatted(LocalDate.now().minusDays(7)));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String past = imported.json().path("slots").path(0).path("slotId").asString();
        FakeLedger.get().holdSeen(owner, past, 12);
        FakeLedger.get().holdSeen(owner, slotId, 36);

        Set<String> keys = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            return keys.contains(slotId);
        });
        assertThat(keys).doesNotContain(past);
        assertThat(owner.get("/api/v1/slots/" + past).json().path("held").asInt()).isEqualTo(12);
    }

    private final List<JsonNode> received = new ArrayList<>();
    private final Map<Long, Boolean> seenOffsets = new HashMap<>();

    private ConsumerRecord<String, String> awaitEvent(java.util.function.Predicate<JsonNode> wanted) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                if (slotId.equals(r.key()) && seenOffsets.put(r.offset(), true) == null) {
                    JsonNode body = TestHttp.JSON.readTree(r.value());
                    received.add(body);
                    if (wanted.test(body)) {
                        found.add(r);
                    }
                }
            }
            return !found.isEmpty();
        });
        return found.get(0);
    }
}
