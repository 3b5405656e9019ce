package ru.promtour.catalog.slot.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.mongodb.client.result.UpdateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.UpdateDefinition;
import ru.promtour.catalog.config.CatalogProperties;
import ru.promtour.catalog.shared.ConflictException;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.Slot.ChangeAnswer;
import ru.promtour.catalog.slot.Slot.PendingChange;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotService;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.catalog.slot.messaging.SlotEvents;
import ru.promtour.messaging.outbox.OutboxRelay;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What an enterprise's change decides before and after asking the ledger, without a broker: the checks the
 * catalog answers at once, the one write of the request, and the outcome seen by re-reading the slot (an
 * answer another instance consumed; this instance's listener never signals here).
 */
class SlotChangeRequestsTest {

    private final MongoOperations mongo = mock(MongoOperations.class);
    private final SlotService slots = mock(SlotService.class);
    private final OutboxRelay relay = mock(OutboxRelay.class);
    private final ChangeWaiters waiters = new ChangeWaiters();
    private final SlotChangeRequests requests = new SlotChangeRequests(mongo, slots,
            new SlotEvents(JsonMapper.builder().build()), relay, waiters,
            new CatalogProperties(366, 2000, 366, 3, Duration.ofMillis(200), Duration.ofMillis(20), Period.ofYears(2)));
    private final List<Slot> reads = new ArrayList<>();

    private static Slot slot(SlotStatus status, int capacity, int held, List<PendingChange> pending,
                             List<ChangeAnswer> answers) {
        return new Slot("slot-1", "exc-1", "ent-1", Instant.parse("2099-01-01T07:00:00Z"), "Europe/Moscow",
                Instant.parse("2099-01-01T05:00:00Z"), capacity, held, 0, status, 1, 3L, null, pending, answers, Instant.EPOCH, Instant.EPOCH);
    }

    private static Slot slot(SlotStatus status, int capacity, int held) {
        return slot(status, capacity, held, List.of(), List.of());
    }

    @BeforeEach
    void writesSucceed() {
        when(mongo.updateFirst(any(Query.class), any(UpdateDefinition.class), eq(Slot.COLLECTION)))
                .thenReturn(UpdateResult.acknowledged(1, 1L, null));
    }

    /** The first read decides; every later read (the re-reads while waiting) is {@code later} of the sent request's id. */
    private void readsThen(Slot first, Function<String, Slot> later) {
        when(slots.get("slot-1")).thenAnswer(call -> {
            if (reads.isEmpty()) {
                reads.add(first);
                return first;
            }
            return later.apply(sentRequestId());
        });
    }

    private void readsThenAnswers(Slot first, boolean applied, String reason) {
        readsThen(first, requestId -> slot(first.status(), applied ? 10 : first.capacity(), 12, List.of(),
                List.of(new ChangeAnswer(requestId, SlotChange.CAPACITY, applied, reason, null, 10, 12, 3, Instant.EPOCH))));
    }

    private String sentRequestId() {
        ArgumentCaptor<UpdateDefinition> update = ArgumentCaptor.forClass(UpdateDefinition.class);
        verify(mongo).updateFirst(any(Query.class), update.capture(), eq(Slot.COLLECTION));
        return update.getValue().getUpdateObject().get("$push", org.bson.Document.class)
                .get("pendingChanges", org.bson.Document.class).getString("requestId");
    }

    @Test
    void anAnswerAppliedByAnotherInstanceIsSeenByReadingTheSlotAgain() {
        readsThenAnswers(slot(SlotStatus.OPEN, 40, 5), true, null);

        ChangeResult result = requests.changeCapacity("slot-1", 10);

        assertThat(result).isInstanceOf(ChangeResult.Done.class);
        assertThat(result.slot().capacity()).isEqualTo(10);
        verify(relay).publishPending(Slot.COLLECTION, "slot-1");
    }

    @Test
    void aRefusalSeenByReadingAgainIs409WithTheLedgersFigures() {
        readsThenAnswers(slot(SlotStatus.OPEN, 40, 5), false, "BELOW_HELD_PLUS_CONFIRMED");

        assertThatThrownBy(() -> requests.changeCapacity("slot-1", 10))
                .isInstanceOfSatisfying(ConflictException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("Capacity 10 is below held + confirmed = 15 (held 12, confirmed 3)");
                    assertThat(ex.details()).containsEntry("held", 12).containsEntry("confirmed", 3)
                            .containsEntry("requestedCapacity", 10).containsEntry("reason", "BELOW_HELD_PLUS_CONFIRMED");
                });
    }

    @Test
    void aCloseTheLedgerRefusesBecauseItCancelledTheSlotIs409SayingSo() {
        readsThen(slot(SlotStatus.OPEN, 40, 5), requestId -> slot(SlotStatus.OPEN, 40, 5, List.of(), List.of(
                new ChangeAnswer(requestId, SlotChange.CLOSE, false, "SLOT_CANCELLED", null, null, 5, 0, Instant.EPOCH))));

        assertThatThrownBy(() -> requests.close("slot-1", null)).isInstanceOfSatisfying(ConflictException.class, ex -> {
            assertThat(ex.getMessage()).isEqualTo("The slot is cancelled; a cancelled slot cannot be closed");
            assertThat(ex.details()).containsEntry("reason", "SLOT_CANCELLED");
        });
    }

    @Test
    void aSlotTheLedgerDoesNotKnowIs409WithTheLedgersReason() {
        readsThen(slot(SlotStatus.OPEN, 40, 5), requestId -> slot(SlotStatus.OPEN, 40, 5, List.of(), List.of(
                new ChangeAnswer(requestId, SlotChange.CAPACITY, false, "UNKNOWN_SLOT", "no ledger", null, null, null,
                        Instant.EPOCH))));

        assertThatThrownBy(() -> requests.changeCapacity("slot-1", 20)).isInstanceOfSatisfying(ConflictException.class, ex -> {
            assertThat(ex.getMessage()).isEqualTo("The seat ledger refused the change (UNKNOWN_SLOT): no ledger");
            assertThat(ex.details()).containsEntry("reason", "UNKNOWN_SLOT");
        });
    }

    @Test
    void noAnswerWithinTheWaitLeavesTheChangePending() {
        readsThen(slot(SlotStatus.OPEN, 40, 5), requestId -> slot(SlotStatus.OPEN, 40, 5,
                List.of(new PendingChange(requestId, SlotChange.CLOSE, null, null, "Ремонт", Instant.EPOCH)), List.of()));

        ChangeResult result = requests.close("slot-1", "Ремонт");

        assertThat(result).isInstanceOfSatisfying(ChangeResult.Pending.class, pending -> {
            assertThat(pending.change().change()).isEqualTo(SlotChange.CLOSE);
            assertThat(pending.change().reason()).isEqualTo("Ремонт");
        });
    }

    @Test
    void whatTheCatalogCanTellAtOnceItAnswersWithoutAsking() {
        when(slots.get("slot-1")).thenReturn(slot(SlotStatus.OPEN, 40, 12));
        assertThatThrownBy(() -> requests.changeCapacity("slot-1", 11)).isInstanceOfSatisfying(ConflictException.class,
                ex -> assertThat(ex.details()).containsEntry("held", 12).containsEntry("requestedCapacity", 11));
        assertThat(requests.changeCapacity("slot-1", 40)).isInstanceOf(ChangeResult.Done.class);
        assertThat(requests.reopen("slot-1")).isInstanceOf(ChangeResult.Done.class);

        when(slots.get("slot-1")).thenReturn(slot(SlotStatus.CLOSED, 40, 12));
        assertThat(requests.close("slot-1", null)).isInstanceOf(ChangeResult.Done.class);

        when(slots.get("slot-1")).thenReturn(slot(SlotStatus.CANCELLED, 40, 0));
        assertThat(requests.cancel("slot-1", "again")).isInstanceOf(ChangeResult.Done.class);
        assertThatThrownBy(() -> requests.changeCapacity("slot-1", 50)).hasMessage("The slot is cancelled");
        assertThatThrownBy(() -> requests.close("slot-1", null))
                .hasMessage("The slot is cancelled; a cancelled slot cannot be closed");
        assertThatThrownBy(() -> requests.reopen("slot-1"))
                .hasMessage("The slot is cancelled; a cancelled slot cannot be reopened");

        verify(mongo, never()).updateFirst(any(Query.class), any(UpdateDefinition.class), anyString());
    }

    @Test
    void theSameValueIsAskedAnywayWhileAnotherChangeIsOnItsWay() {
        PendingChange other = new PendingChange("req-0", SlotChange.CAPACITY, 30, 40, null, Instant.EPOCH);
        readsThen(slot(SlotStatus.OPEN, 40, 0, List.of(other), List.of()), requestId -> slot(SlotStatus.OPEN, 40, 0,
                List.of(other, new PendingChange(requestId, SlotChange.CAPACITY, 40, 40, null, Instant.EPOCH)), List.of()));

        assertThat(requests.changeCapacity("slot-1", 40)).isInstanceOf(ChangeResult.Pending.class);
    }

    @Test
    void aWriteThatFindsTheSlotChangedDecidesAgainOnTheFreshState() {
        when(mongo.updateFirst(any(Query.class), any(UpdateDefinition.class), eq(Slot.COLLECTION)))
                .thenReturn(UpdateResult.acknowledged(0, 0L, null));
        when(slots.get("slot-1")).thenReturn(slot(SlotStatus.OPEN, 40, 5), slot(SlotStatus.OPEN, 40, 15));

        assertThatThrownBy(() -> requests.changeCapacity("slot-1", 10)).isInstanceOfSatisfying(ConflictException.class,
                ex -> assertThat(ex.details()).containsEntry("held", 15));
    }
}
