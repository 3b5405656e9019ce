package ru.promtour.catalog.slot.ledger;

import java.util.List;

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
import ru.promtour.catalog.testdata.FakeLedger.Event;
import ru.promtour.catalog.testdata.Program;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An enterprise's slot changes, decided by the seat ledger (played by {@link FakeLedger}): the HTTP call
 * answers the ledger's decision, and an applied change is published as the catalog's fact event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class SlotChangeIT {

    static final String REQUESTED = "catalog.SlotChangeRequested.v1";

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

    private List<String> requested(String slotId) {
        return ledger.events(slotId).stream().filter(e -> e.type().equals(REQUESTED))
                .map(e -> e.body().path("change").asString()).toList();
    }

    @Test
    void aCapacityDecreaseAnswersTheSlotOnceTheLedgerAppliedItAndIsPublished() {
        String slotId = program.slot(40);
        ledger.holdSeen(owner, slotId, 10);

        TestHttp.Response changed = owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":30}");

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("capacity").asInt()).isEqualTo(30);
        assertThat(changed.json().path("held").asInt()).isEqualTo(10);
        assertThat(changed.json().path("available").asInt()).isEqualTo(20);
        assertThat(owner.get("/api/v1/slots/" + slotId).json().path("capacity").asInt()).isEqualTo(30);

        JsonNode request = ledger.awaitEvent(slotId, REQUESTED, 1).body();
        assertThat(request.path("change").asString()).isEqualTo("CAPACITY");
        assertThat(request.path("capacity").asInt()).isEqualTo(30);
        assertThat(request.path("enterpriseId").asString())
                .isEqualTo(owner.get("/api/v1/excursions/" + program.excursionId()).text("enterpriseId"));
        JsonNode fact = ledger.awaitEvent(slotId, "catalog.SlotCapacityChanged.v1", 1).body();
        assertThat(fact.path("capacity").asInt()).isEqualTo(30);
        assertThat(fact.path("previousCapacity").asInt()).isEqualTo(40);
        assertThat(fact.path("held").asInt()).isEqualTo(10);
        assertThat(fact.path("available").asInt()).isEqualTo(20);
        assertThat(fact.path("version").asLong()).isEqualTo(2);

        // the same capacity again changes nothing and asks nothing
        assertThat(owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":30}").status()).isEqualTo(200);
        Document stored = mongo.findById(slotId, Document.class, Slot.COLLECTION);
        assertThat(stored.getList("pendingChanges", Document.class)).isEmpty();
        assertThat(stored.getList("changeAnswers", Document.class)).hasSize(1);
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(2);
    }

    @Test
    void aCapacityBelowWhatTheLedgerHoldsIs409WithTheLedgersFiguresEvenBeforeTheCatalogSawThem() {
        String slotId = program.slot(40);
        ledger.holdSeen(owner, slotId, 10);
        ledger.holdUnannounced(slotId, 15);   // the ledger holds 25; the catalog still shows 10

        TestHttp.Response refused = owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":20}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("held + confirmed = 25");
        assertThat(refused.json().path("held").asInt()).isEqualTo(25);
        assertThat(refused.json().path("confirmed").asInt()).isZero();
        assertThat(refused.json().path("requestedCapacity").asInt()).isEqualTo(20);
        assertThat(refused.text("reason")).isEqualTo("BELOW_HELD_PLUS_CONFIRMED");
        // the refusal carried the ledger: the catalog shows its figures now, the capacity is unchanged
        JsonNode shown = owner.get("/api/v1/slots/" + slotId).json();
        assertThat(shown.path("capacity").asInt()).isEqualTo(40);
        assertThat(shown.path("held").asInt()).isEqualTo(25);

        // below what the catalog itself shows: refused at once, nothing is asked
        TestHttp.Response atOnce = owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":24}");
        assertThat(atOnce.status()).isEqualTo(409);
        assertThat(atOnce.json().path("held").asInt()).isEqualTo(25);
        assertThat(atOnce.json().path("requestedCapacity").asInt()).isEqualTo(24);
        Document stored = mongo.findById(slotId, Document.class, Slot.COLLECTION);
        assertThat(stored.getList("pendingChanges", Document.class)).isEmpty();
        assertThat(stored.getList("changeAnswers", Document.class)).hasSize(1);
        assertThat(stored.get("version", Number.class).longValue()).as("a refusal is not a change").isEqualTo(1);
        assertThat(requested(slotId)).containsExactly("CAPACITY");
    }

    @Test
    void closeReopenAndCancelAreAppliedByTheLedgerAndPublishedWithTheirFigures() {
        String slotId = program.slot(40);
        String holding = ledger.holdSeen(owner, slotId, 3);
        String buying = ledger.hold(slotId, 2);
        ledger.confirm(slotId, buying);
        ledger.awaitSeen(owner, slotId);

        TestHttp.Response closed = owner.post("/api/v1/slots/" + slotId + "/close", "{\"reason\":\"Ремонт линии\"}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(owner.post("/api/v1/slots/" + slotId + "/close", null).text("status")).as("idempotent").isEqualTo("CLOSED");
        assertThat(owner.post("/api/v1/slots/" + slotId + "/reopen", null).text("status")).isEqualTo("OPEN");
        TestHttp.Response cancelled = owner.post("/api/v1/slots/" + slotId + "/cancel", "{\"reason\":\"Авария\"}");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelReason")).isEqualTo("Авария");

        assertThat(owner.post("/api/v1/slots/" + slotId + "/cancel", "{\"reason\":\"Ещё раз\"}").status()).isEqualTo(200);
        TestHttp.Response patch = owner.patch("/api/v1/slots/" + slotId, "{\"capacity\":50}");
        assertThat(patch.status()).isEqualTo(409);
        assertThat(patch.text("detail")).isEqualTo("The slot is cancelled");
        assertThat(owner.post("/api/v1/slots/" + slotId + "/close", null).status()).isEqualTo(409);
        assertThat(owner.post("/api/v1/slots/" + slotId + "/reopen", null).status()).isEqualTo(409);

        JsonNode closedFact = ledger.awaitEvent(slotId, "catalog.SlotClosed.v1", 1).body();
        assertThat(closedFact.path("reason").asString()).isEqualTo("Ремонт линии");
        assertThat(closedFact.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closedFact.path("held").asInt()).isEqualTo(3);
        assertThat(closedFact.path("confirmed").asInt()).isEqualTo(2);
        assertThat(closedFact.path("version").asLong()).isEqualTo(2);
        JsonNode reopenedFact = ledger.awaitEvent(slotId, "catalog.SlotReopened.v1", 1).body();
        assertThat(reopenedFact.path("status").asString()).isEqualTo("OPEN");
        assertThat(reopenedFact.path("version").asLong()).isEqualTo(3);
        JsonNode cancelledFact = ledger.awaitEvent(slotId, "catalog.SlotCancelled.v1", 1).body();
        assertThat(cancelledFact.path("reason").asString()).isEqualTo("Авария");
        assertThat(cancelledFact.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelledFact.path("affectedBookingIds").size()).isEqualTo(2);
        assertThat(cancelledFact.path("affectedBookingIds").toString()).contains(holding, buying);
        assertThat(cancelledFact.path("version").asLong()).isEqualTo(4);

        assertThat(requested(slotId)).containsExactly("CLOSE", "REOPEN", "CANCEL");
        assertThat(ledger.events(slotId)).extracting(Event::type).containsExactly("catalog.SlotPublished.v1",
                REQUESTED, "catalog.SlotClosed.v1", REQUESTED, "catalog.SlotReopened.v1", REQUESTED,
                "catalog.SlotCancelled.v1");
        Document stored = mongo.findById(slotId, Document.class, Slot.COLLECTION);
        assertThat(stored.getList("pendingChanges", Document.class)).isEmpty();
        assertThat(stored.getList("changeAnswers", Document.class)).hasSize(3);
    }
}
