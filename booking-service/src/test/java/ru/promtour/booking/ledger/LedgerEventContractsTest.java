package ru.promtour.booking.ledger;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import ru.promtour.booking.ledger.messaging.LedgerEvents;
import ru.promtour.messaging.outbox.OutboxEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Producer side of the ledger's contracts: every event, completed with the ledger as it leaves, matches its schema. */
class LedgerEventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.parse("2026-12-01T07:15:02.118Z");

    private final LedgerEvents events = new LedgerEvents(JSON);
    private final Document ledger = new Document("_id", "slot-1").append("capacity", 40).append("held", 4)
            .append("confirmed", 10).append("status", "OPEN").append("version", 17L);

    @Test
    void everySeatEventMatchesItsSchemaWithTheLedgerAsItLeft() {
        JsonNode held = assertMatches(events.held("slot-1", "bk-1", 4, "RESERVED", NOW));
        assertThat(held.path("ledger").path("available").asInt()).isEqualTo(26);
        assertThat(held.path("ledger").path("version").asLong()).isEqualTo(17);
        assertMatches(events.held("slot-1", "bk-1", 2, "RESIZED", NOW));
        assertMatches(events.held("slot-1", "bk-1", 4, "MOVED", NOW));
        assertMatches(events.confirmed("slot-1", "bk-1", 4, NOW));
        for (String cause : List.of("CANCELLED", "EXPIRED", "DECLINED", "RESIZED", "ORPHANED", "MOVED")) {
            assertThat(assertMatches(events.released("slot-1", "bk-1", 4, cause, NOW)).path("cause").asString()).isEqualTo(cause);
        }
    }

    @Test
    void changeAnswersMatchTheirSchemas() {
        assertMatches(events.changeApplied("slot-1", "rq-1", "CAPACITY", 30, 40, null, null, NOW));
        JsonNode cancel = assertMatches(events.changeApplied("slot-1", "rq-2", "CANCEL", null, null, "Авария",
                List.of("bk-1", "bk-2"), NOW));
        assertThat(cancel.path("affectedBookingIds")).hasSize(2);
        assertMatches(events.changeRefused("slot-1", "rq-3", "CAPACITY", 10, "BELOW_HELD_PLUS_CONFIRMED",
                "Capacity 10 is below held + confirmed = 14", NOW));
    }

    @Test
    void allocationEventsMatchTheirSchemasAndTheLedgerTellsFreeSaleFromAllotments() {
        Document allotted = new Document("_id", "slot-1").append("capacity", 40).append("held", 4)
                .append("confirmed", 10).append("allotted", 15).append("status", "OPEN").append("version", 19L)
                .append("allocations", new Document("op-1", new Document("id", "alloc-1").append("units", 20)
                        .append("left", 15).append("released", false))
                        .append("op-2", new Document("id", "alloc-2").append("units", 5).append("left", 5)
                                .append("released", true)));
        OutboxEvent granted = events.enrich(events.allotted("slot-1", "alloc-1", "op-1", 20,
                Instant.parse("2026-12-10T07:00:00Z"), NOW), allotted);
        Contracts.assertMatchesSchema(granted.type(), granted.payload());
        JsonNode ledger = JSON.readTree(granted.payload()).path("ledger");
        assertThat(ledger.path("available").asInt()).isEqualTo(40 - 4 - 10 - 15);
        assertThat(ledger.path("allotted").asInt()).isEqualTo(15);
        assertThat(ledger.path("allocations")).hasSize(1);
        assertThat(ledger.path("allocations").get(0).path("operatorId").asString()).isEqualTo("op-1");
        assertThat(ledger.path("allocations").get(0).path("left").asInt()).isEqualTo(15);
        OutboxEvent released = events.enrich(events.allotmentReleased("slot-1",
                new Ledger.Allotment("alloc-1", "op-1", 20, 6, NOW, false), "RELEASE_DATE", NOW), ledger());
        Contracts.assertMatchesSchema(released.type(), released.payload());
        JsonNode body = JSON.readTree(released.payload());
        assertThat(body.path("used").asInt()).isEqualTo(14);
        assertThat(body.path("returned").asInt()).isEqualTo(6);
        assertThat(body.path("ledger").has("allotted")).as("absent while no allocation is left").isFalse();
        assertMatches(events.changeRefused("slot-1", "rq-4", "CAPACITY", 20, "BELOW_ALLOTTED",
                "Capacity 20 is below held + confirmed + allotted = 29", NOW));
    }

    @Test
    void anEventIsCompletedOnceEvenWhenRelayedAgain() {
        OutboxEvent once = events.enrich(events.confirmed("slot-1", "bk-1", 4, NOW), ledger);
        assertThat(events.enrich(once, ledger.append("version", 18L)).payload()).isEqualTo(once.payload());
    }

    private Document ledger() {
        return ledger;
    }

    private JsonNode assertMatches(OutboxEvent event) {
        assertThat(event.topic()).isEqualTo(LedgerEvents.TOPIC);
        assertThat(event.key()).isEqualTo("slot-1");
        OutboxEvent sent = events.enrich(event, ledger());
        Contracts.assertMatchesSchema(sent.type(), sent.payload());
        return JSON.readTree(sent.payload());
    }
}
