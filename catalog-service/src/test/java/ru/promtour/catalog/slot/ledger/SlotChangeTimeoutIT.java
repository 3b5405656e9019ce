package ru.promtour.catalog.slot.ledger;


import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.catalog.testdata.Program;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A slot change the ledger does not answer in time: 202 naming the pending request, and the change lands
 * when the answer comes, exactly once. The wait is short here so the test does not sit out the default 5 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"catalog.change-wait=300ms", "catalog.change-poll=100ms"})
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class SlotChangeTimeoutIT {

    static final String REQUESTED = "catalog.SlotChangeRequested.v1";

    @LocalServerPort
    int port;
    @Autowired
    MongoOperations mongo;

    final FakeLedger ledger = FakeLedger.get();
    Api owner;
    String slotId;

    @BeforeEach
    void setUp() {
        Program program = Program.create(port);
        owner = program.owner();
        slotId = program.slot(40);
    }

    @Test
    void withoutAnAnswerInTimeTheChangeIs202AndLandsOnceWhenTheAnswerComes() {
        ledger.silence(slotId);

        TestHttp.Response accepted = owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":30}");

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/slots/" + slotId);
        assertThat(accepted.text("status")).isEqualTo("PENDING");
        assertThat(accepted.text("change")).isEqualTo("CAPACITY");
        assertThat(accepted.json().path("slot").path("capacity").asInt()).isEqualTo(40);
        String requestId = accepted.text("requestId");
        assertThat(owner.get("/api/v1/slots/" + slotId).json().path("capacity").asInt()).isEqualTo(40);
        JsonNode request = ledger.awaitEvent(slotId, REQUESTED, 1).body();
        assertThat(request.path("requestId").asString()).isEqualTo(requestId);

        // the ledger answers late: the catalog applies it then, with its fact event
        ledger.decide(slotId, request);
        owner.awaitSlot(slotId, slot -> slot.path("capacity").asInt() == 30);
        JsonNode fact = ledger.awaitEvent(slotId, "catalog.SlotCapacityChanged.v1", 1).body();
        assertThat(fact.path("previousCapacity").asInt()).isEqualTo(40);
        assertThat(fact.path("version").asLong()).isEqualTo(2);

        // the same answer again (a redelivery) matches no pending request: nothing changes, nothing is published
        FakeLedger.Event answer = ledger.sent(slotId).get(0);
        ledger.publish(answer.type(), slotId, answer.body());
        ledger.speak(slotId);
        assertThat(owner.post("/api/v1/slots/" + slotId + "/close", null).status()).isIn(200, 202);
        ledger.awaitEvent(slotId, "catalog.SlotClosed.v1", 1);
        assertThat(ledger.events(slotId).stream().filter(e -> e.type().equals("catalog.SlotCapacityChanged.v1"))).hasSize(1);
        Document stored = mongo.findById(slotId, Document.class, Slot.COLLECTION);
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(3);
        assertThat(stored.getList("changeAnswers", Document.class)).hasSize(2);
    }

    @Test
    void aLateRefusalLeavesTheSlotAsItWasAndIsKeptForTheRecord() {
        ledger.holdSeen(owner, slotId, 5);
        ledger.silence(slotId);
        assertThat(owner.post("/api/v1/slots/" + slotId + "/cancel", "{\"reason\":\"Авария\"}").status()).isEqualTo(202);
        assertThat(owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":6}").status()).isEqualTo(202);
        JsonNode cancel = ledger.awaitEvent(slotId, REQUESTED, 1).body();
        JsonNode capacity = ledger.awaitEvent(slotId, REQUESTED, 2).body();

        ledger.decide(slotId, cancel);
        ledger.decide(slotId, capacity);    // the ledger refuses it: the slot is cancelled by now

        owner.awaitSlot(slotId, slot -> slot.path("status").asString().equals("CANCELLED"));
        Document stored = await().until(() -> mongo.findById(slotId, Document.class, Slot.COLLECTION),
                slot -> slot.getList("pendingChanges", Document.class).isEmpty());
        assertThat(stored.getList("changeAnswers", Document.class)).extracting(a -> a.getBoolean("applied"))
                .containsExactly(true, false);
        assertThat(stored.getList("changeAnswers", Document.class).get(1).getString("reason")).isEqualTo("SLOT_CANCELLED");
        assertThat(stored.getInteger("capacity")).isEqualTo(40);
        assertThat(stored.getString("cancelReason")).isEqualTo("Авария");
    }
}
