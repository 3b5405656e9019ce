package ru.promtour.catalog.slot.ledger.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.catalog.slot.ledger.Ledger;
import ru.promtour.messaging.cloudevents.CloudEventAttributes;
import ru.promtour.messaging.cloudevents.CloudEventDeserializer;
import ru.promtour.messaging.cloudevents.CloudEventHeaders;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.test.contracts.Contracts;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer side of {@code booking.seats.v1}: each contract example, read the way the listener reads it
 * (CloudEvents headers, this service's type registry, its own classes), gives the fields the catalog uses.
 */
class SeatLedgerContractsTest {

    private final CloudEventDeserializer deserializer = new CloudEventDeserializer(
            new SeatLedgerListener.SeatLedgerTypes().catalogSeatLedgerTypes(), JsonMapper.builder().build());

    private Object read(String type) {
        return read(type, Contracts.example(type));
    }

    private Object read(String type, String body) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(headers, new CloudEventAttributes("ev-1", type, "/booking-service", Instant.now(), "slot"));
        return deserializer.deserialize(SeatLedgerListener.TOPIC, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void seatsHeldConfirmedAndReleasedGiveTheSlotAndItsLedger() {
        assertThat(read(SeatLedgerListener.SEATS_HELD)).isInstanceOfSatisfying(SeatsChanged.class, e -> {
            assertThat(e.slotId()).isEqualTo("slot_01HZX3K9V2Q");
            assertThat(e.ledger()).isEqualTo(new Ledger(40, 4, 10, 26, SlotStatus.OPEN, 17));
        });
        assertThat(read(SeatLedgerListener.SEATS_CONFIRMED)).isInstanceOfSatisfying(SeatsChanged.class, e ->
                assertThat(e.ledger()).isEqualTo(new Ledger(40, 0, 14, 26, SlotStatus.OPEN, 18)));
        assertThat(read(SeatLedgerListener.SEATS_RELEASED)).isInstanceOfSatisfying(SeatsChanged.class, e ->
                assertThat(e.ledger()).isEqualTo(new Ledger(40, 0, 10, 30, SlotStatus.OPEN, 18)));
    }

    @Test
    void allocationEventsGiveTheLedgerWithFreeSaleAndEachOperatorsShare() {
        assertThat(read(SeatLedgerListener.ALLOCATION_GRANTED)).isInstanceOfSatisfying(SeatsChanged.class, e -> {
            assertThat(e.slotId()).isEqualTo("slot_01HZX3K9V2Q");
            assertThat(e.ledger().available()).isEqualTo(8);
            assertThat(e.ledger().allotted()).isEqualTo(20);
            assertThat(e.ledger().allotments()).containsExactly(
                    new Slot.Allotment("op-4f1d2c3b-9a8e-4b7c-8d6e-5f4a3b2c1d0e", 20));
        });
        assertThat(read(SeatLedgerListener.ALLOCATION_RELEASED)).isInstanceOfSatisfying(SeatsChanged.class, e -> {
            assertThat(e.ledger().allotted()).isNull();
            assertThat(e.ledger().allotments()).isEmpty();
            assertThat(e.ledger().available()).isEqualTo(14);
        });
    }

    @Test
    void slotChangeAppliedGivesTheRequestTheChangeAndTheLedgerAfterIt() {
        assertThat(read(SeatLedgerListener.CHANGE_APPLIED)).isInstanceOfSatisfying(SlotChangeApplied.class, e -> {
            assertThat(e.slotId()).isEqualTo("slot_01HZX3K9V2Q");
            assertThat(e.requestId()).isEqualTo("a0c7e1d2-5f3b-4e8a-9c61-2b7d4e9f0a13");
            assertThat(e.change()).isEqualTo(SlotChange.CAPACITY);
            assertThat(e.capacity()).isEqualTo(30);
            assertThat(e.previousCapacity()).isEqualTo(40);
            assertThat(e.affectedBookingIds()).isNull();
            assertThat(e.ledger()).isEqualTo(new Ledger(30, 4, 10, 16, SlotStatus.OPEN, 19));
        });
    }

    @Test
    void slotChangeRefusedGivesTheReasonAndTheLedgerItWasJudgedOn() {
        assertThat(read(SeatLedgerListener.CHANGE_REFUSED)).isInstanceOfSatisfying(SlotChangeRefused.class, e -> {
            assertThat(e.requestId()).isEqualTo("b3d9f0e4-1a2c-4b5d-8e7f-6a9b0c1d2e3f");
            assertThat(e.change()).isEqualTo(SlotChange.CAPACITY);
            assertThat(e.capacity()).isEqualTo(10);
            assertThat(e.reason()).isEqualTo("BELOW_HELD_PLUS_CONFIRMED");
            assertThat(e.ledger().held()).isEqualTo(4);
            assertThat(e.ledger().confirmed()).isEqualTo(10);
        });
    }

    @Test
    void theExamplesMatchTheirOwnSchemas() {
        for (String type : new String[] {SeatLedgerListener.SEATS_HELD, SeatLedgerListener.SEATS_CONFIRMED,
                SeatLedgerListener.SEATS_RELEASED, SeatLedgerListener.CHANGE_APPLIED, SeatLedgerListener.CHANGE_REFUSED,
                SeatLedgerListener.ALLOCATION_GRANTED, SeatLedgerListener.ALLOCATION_RELEASED}) {
            Contracts.assertMatchesSchema(type, Contracts.example(type));
        }
    }

    @Test
    void otherTypesOnTheTopicAreIgnoredNotFailed() {
        assertThat(read("booking.SeatsAudited.v1", "{\"slotId\":\"slot-1\"}")).isInstanceOf(UnknownEvent.class);
    }
}
