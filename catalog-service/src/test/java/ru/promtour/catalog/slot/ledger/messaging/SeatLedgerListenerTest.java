package ru.promtour.catalog.slot.ledger.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import ru.promtour.catalog.slot.SlotChange;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.catalog.slot.ledger.Ledger;
import ru.promtour.catalog.slot.ledger.LedgerAnswer;
import ru.promtour.catalog.slot.ledger.SeatReadModel;
import ru.promtour.catalog.slot.ledger.SlotChangeAnswers;
import ru.promtour.messaging.cloudevents.UnknownEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** How a batch of ledger events becomes store writes: one snapshot per slot, then the answers in order. */
class SeatLedgerListenerTest {

    private final SeatReadModel readModel = mock(SeatReadModel.class);
    private final SlotChangeAnswers answers = mock(SlotChangeAnswers.class);
    private final SeatLedgerListener listener = new SeatLedgerListener(readModel, answers, ObservationRegistry.NOOP);
    private long offset;

    private static Ledger ledger(int held, long version) {
        return new Ledger(40, held, 0, 40 - held, SlotStatus.OPEN, version);
    }

    private ConsumerRecord<String, Object> record(String slotId, Object value) {
        return new ConsumerRecord<>(SeatLedgerListener.TOPIC, 0, offset++, slotId, value);
    }

    private static SeatsChanged held(String slotId, int held, long version) {
        return new SeatsChanged(slotId, "bk-" + version, 1, Instant.EPOCH, ledger(held, version));
    }

    @Test
    void aBatchIsOneWriteOfTheNewestSnapshotPerSlotWhateverTheOrderAndDuplicates() {
        listener.on(List.of(record("a", held("a", 1, 11)), record("b", held("b", 5, 3)), record("a", held("a", 3, 13)),
                record("a", held("a", 2, 12)), record("a", held("a", 3, 13)), record("b", held("b", 4, 2)),
                record("x", new UnknownEvent("booking.SeatsAudited.v1", "ev-9"))));

        verify(readModel).apply(Map.of("a", ledger(3, 13), "b", ledger(5, 3)));
        verify(answers, never()).apply(any());
    }

    @Test
    void answersCountAsSnapshotsAndAreAppliedInOrderAfterThem() {
        Ledger afterCapacity = new Ledger(30, 2, 0, 28, SlotStatus.OPEN, 21);
        SlotChangeApplied applied = new SlotChangeApplied("a", "req-1", SlotChange.CAPACITY, 30, 40, null, null,
                Instant.EPOCH, afterCapacity);
        SlotChangeRefused refused = new SlotChangeRefused("a", "req-2", SlotChange.CAPACITY, 1, "BELOW_HELD_PLUS_CONFIRMED",
                null, Instant.EPOCH, afterCapacity);
        SlotChangeRefused unknown = new SlotChangeRefused("c", "req-3", SlotChange.CLOSE, null, "UNKNOWN_SLOT", null,
                Instant.EPOCH, null);

        listener.on(List.of(record("a", held("a", 2, 20)), record("a", applied), record("a", refused), record("c", unknown)));

        InOrder order = inOrder(readModel, answers);
        order.verify(readModel).apply(Map.of("a", afterCapacity));
        order.verify(answers).apply(new LedgerAnswer.Applied("a", "req-1", SlotChange.CAPACITY, 40, null, afterCapacity));
        order.verify(answers).apply(new LedgerAnswer.Refused("a", "req-2", SlotChange.CAPACITY, 1,
                "BELOW_HELD_PLUS_CONFIRMED", null, afterCapacity));
        order.verify(answers).apply(new LedgerAnswer.Refused("c", "req-3", SlotChange.CLOSE, null, "UNKNOWN_SLOT", null, null));
    }

    @Test
    void anUnreadableRecordIsNamedToTheErrorHandlerAfterWhatCameBeforeItIsApplied() {
        RecordHeaders headers = new RecordHeaders();
        SerializationUtils.deserializationException(headers, "{oops".getBytes(), new SerializationException("bad json"), false);
        ConsumerRecord<String, Object> poison = new ConsumerRecord<>(SeatLedgerListener.TOPIC, 0, 7, 0L,
                TimestampType.CREATE_TIME, 1, 5, "a", null, headers, Optional.empty());

        assertThatThrownBy(() -> listener.on(List.of(record("a", held("a", 1, 1)), record("b", held("b", 1, 1)), poison,
                record("a", held("a", 9, 9)))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, ex -> assertThat(ex.getIndex()).isEqualTo(2));

        verify(readModel).apply(Map.of("a", ledger(1, 1), "b", ledger(1, 1)));
    }

    @Test
    void anAnswerThatCannotBeAppliedIsNamedByItsIndexSoTheOnesBeforeItAreCommitted() {
        Ledger ledger = ledger(0, 5);
        SlotChangeApplied first = new SlotChangeApplied("a", "req-1", SlotChange.CLOSE, null, null, null, null, Instant.EPOCH, ledger);
        SlotChangeApplied second = new SlotChangeApplied("b", "req-2", SlotChange.CLOSE, null, null, null, null, Instant.EPOCH, ledger);
        when(answers.apply(new LedgerAnswer.Applied("b", "req-2", SlotChange.CLOSE, null, null, ledger)))
                .thenThrow(new IllegalStateException("store down"));

        assertThatThrownBy(() -> listener.on(List.of(record("a", first), record("b", held("b", 1, 1)), record("b", second))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, ex -> {
                    assertThat(ex.getIndex()).isEqualTo(2);
                    assertThat(ex.getCause()).hasMessage("store down");
                });
    }
}
