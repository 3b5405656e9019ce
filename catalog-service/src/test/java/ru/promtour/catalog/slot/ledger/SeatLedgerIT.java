package ru.promtour.catalog.slot.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.catalog.testdata.FakeLedger.Snapshot;
import ru.promtour.catalog.testdata.Program;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.infra.TestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The read model of the seat ledger end to end: the ledger's events in on {@code booking.seats.v1} (played by
 * {@link FakeLedger}), the slot's counts out through the enterprise API and the store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class SeatLedgerIT {

    static final String HELD = "booking.SeatsHeld.v1";

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;

    final FakeLedger ledger = FakeLedger.get();
    Program program;
    Api owner;

    @BeforeEach
    void setUp() {
        program = Program.create(port);
        owner = program.owner();
    }

    private Document stored(String slotId) {
        return mongo.findById(slotId, Document.class, Slot.COLLECTION);
    }

    @Test
    void anAllocationIsOffFreeSaleForEveryOperatorButItsOwnWhoSeesItsSeatsToo() {
        assertThat(owner.post("/api/v1/excursions/" + program.excursionId() + "/publish", null).status()).isEqualTo(200);
        String slotId = program.slot(40);
        String holder = "op-" + UUID.randomUUID();
        ledger.publish("booking.AllocationGranted.v1", slotId, tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                {"slotId": "%s", "allocationId": "alloc-1", "operatorId": "%s", "units": 25,
                 "releaseAt": "2099-01-01T00:00:00Z", "at": "2026-12-01T00:00:00Z",
                 "ledger": {"capacity": 40, "held": 0, "confirmed": 0, "available": 15, "status": "OPEN", "version": 90,
                            "allotted": 25, "allocations": [{"operatorId": "%s", "allocationId": "alloc-1", "left": 25}]}}
                """.formatted(slotId, holder, holder)));
        await().atMost(Duration.ofSeconds(20)).until(() -> owner.get("/api/v1/slots/" + slotId).json().path("available").asInt() == 15);
        String body = "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"availabilityIds\":[\"%s\"]}"
                .formatted(program.excursionId(), slotId);
        JsonNode asHolder = owner.as(TestTokens.operator(holder)).post("/octo/availability", body).json().get(0);
        JsonNode asOther = owner.as(TestTokens.operator("op-" + UUID.randomUUID())).post("/octo/availability", body).json().get(0);
        assertThat(asHolder.path("vacancies").asInt()).isEqualTo(40);
        assertThat(asOther.path("vacancies").asInt()).isEqualTo(15);
        assertThat(stored(slotId).getInteger("allotted")).isEqualTo(25);
        // the public guide shows free sale too (its read projects only what a listing needs)
        JsonNode detail = owner.as(null).get("/api/v1/catalog/excursions/" + program.excursionId()).json();
        assertThat(detail.toString()).contains("\"" + slotId + "\"");
        assertThat(detail.findValues("available").stream().map(JsonNode::asInt).toList()).contains(15).doesNotContain(40);
    }

    @Test
    void everyHoldSaleAndReleaseOfTheLedgerShowsInTheSlotsCounts() {
        String slotId = program.slot(40);

        String booking = ledger.holdSeen(owner, slotId, 4);
        JsonNode afterHold = owner.get("/api/v1/slots/" + slotId).json();
        assertThat(afterHold.path("held").asInt()).isEqualTo(4);
        assertThat(afterHold.path("available").asInt()).isEqualTo(36);

        ledger.confirm(slotId, booking);
        ledger.awaitSeen(owner, slotId);
        JsonNode afterConfirm = owner.get("/api/v1/slots/" + slotId).json();
        assertThat(afterConfirm.path("held").asInt()).isZero();
        assertThat(afterConfirm.path("confirmed").asInt()).isEqualTo(4);

        ledger.release(slotId, booking);
        ledger.awaitSeen(owner, slotId);
        assertThat(owner.get("/api/v1/slots/" + slotId).json().path("available").asInt()).isEqualTo(40);
        Document stored = stored(slotId);
        assertThat(stored.get("ledgerVersion", Number.class).longValue()).isEqualTo(ledger.snapshot(slotId).version());
        assertThat(stored.get("version", Number.class).longValue()).as("seat counts are not the catalog's changes").isEqualTo(1);
    }

    @Test
    void olderAndRepeatedSnapshotsChangeNothingAndAnUnreadableRecordGoesToTheDeadLetterTopic() {
        String slotId = program.slot(40);
        try (KafkaConsumer<String, String> deadLetters = deadLetters()) {
            ledger.publish(HELD, slotId, FakeLedger.seatsHeld(slotId, 5, new Snapshot(40, 5, 0, "OPEN", 5)));
            ledger.publish(HELD, slotId, FakeLedger.seatsHeld(slotId, 3, new Snapshot(40, 3, 0, "OPEN", 3)));
            ledger.publish(HELD, slotId, FakeLedger.seatsHeld(slotId, 9, new Snapshot(40, 50, 0, "OPEN", 5)));
            ledger.publish(HELD, slotId, FakeLedger.seatsHeld(slotId, 4, new Snapshot(40, 4, 0, "OPEN", 4)));
            ledger.publishUnreadable(slotId, HELD);

            // the poison is dead-lettered only once everything before it on the partition was applied
            ConsumerRecord<String, String> dead = awaitDeadLetter(deadLetters, slotId);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(header(dead, "ce_type")).isEqualTo(HELD);
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo("booking.seats.v1");
        }
        Document stored = stored(slotId);
        assertThat(stored.getInteger("held")).isEqualTo(5);
        assertThat(stored.get("ledgerVersion", Number.class).longValue()).isEqualTo(5);

        // and the partition moved on
        ledger.publish(HELD, slotId, FakeLedger.seatsHeld(slotId, 1, new Snapshot(40, 6, 0, "OPEN", 6)));
        owner.awaitSlot(slotId, slot -> slot.path("held").asInt() == 6);
    }

    @Test
    void aSlotStoredBeforeTheReadModelExistedTakesItsFirstSnapshot() {
        String slotId = program.slot(40);
        mongo.updateFirst(query(where("_id").is(slotId)), new Update().unset("ledgerVersion"), Slot.COLLECTION);

        ledger.publish(HELD, slotId, FakeLedger.seatsHeld(slotId, 7, new Snapshot(40, 7, 0, "OPEN", 2)));

        owner.awaitSlot(slotId, slot -> slot.path("held").asInt() == 7);
        assertThat(stored(slotId).get("ledgerVersion", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void aSnapshotOfASlotTheCatalogDoesNotKnowChangesNothing() {
        String unknown = "slot-unknown-" + UUID.randomUUID();
        String known = program.slot(10);
        ledger.publish(HELD, unknown, FakeLedger.seatsHeld(unknown, 2, new Snapshot(10, 2, 0, "OPEN", 2)));
        ledger.publish(HELD, known, FakeLedger.seatsHeld(known, 2, new Snapshot(10, 2, 0, "OPEN", 2)));
        owner.awaitSlot(known, slot -> slot.path("held").asInt() == 2);
        assertThat(stored(unknown)).isNull();
    }

    private static KafkaConsumer<String, String> deadLetters() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-dlt-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("booking.seats.v1-dlt"));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitDeadLetter(KafkaConsumer<String, String> consumer, String key) {
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (key.equals(r.key())) {
                    mine.add(r);
                }
            });
            return !mine.isEmpty();
        });
        return mine.get(0);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
