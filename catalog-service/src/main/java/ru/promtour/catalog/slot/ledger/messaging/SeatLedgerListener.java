package ru.promtour.catalog.slot.ledger.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import ru.promtour.catalog.slot.ledger.Ledger;
import ru.promtour.catalog.slot.ledger.LedgerAnswer;
import ru.promtour.catalog.slot.ledger.SeatReadModel;
import ru.promtour.catalog.slot.ledger.SlotChangeAnswers;
import ru.promtour.messaging.cloudevents.EventTypes;
import ru.promtour.messaging.cloudevents.UnknownEvent;
import ru.promtour.messaging.consumer.BatchObservations;

/**
 * Reads the seat ledger's events on {@code booking.seats.v1} (key = slot id, so a slot's events arrive in
 * order) in batches. Every reserve publishes one, so the batch is collapsed first: per slot only the newest
 * ledger snapshot (highest {@code version}; the answers to change requests carry one too) is written, in one
 * bulk of conditional updates ({@link SeatReadModel}) — one store call per batch, no reads. Then each answer
 * to a change request is applied in order ({@link SlotChangeAnswers}, rare).
 * <p>
 * Both are idempotent (version guard; the pending request is removed by the write that applies its answer),
 * so redelivery and a partial batch replayed after a failure change nothing. A record that cannot be read
 * arrives as null with the deserializer's exception in a header: what came before it is applied, then
 * {@link BatchListenerFailedException} names it, so the platform's error handler commits the records before
 * it and sends it to {@code booking.seats.v1-dlt} without retrying it.
 */
@Component
public class SeatLedgerListener {

    public static final String TOPIC = "booking.seats.v1";
    public static final String GROUP = "catalog-service.ledger";

    public static final String SEATS_HELD = "booking.SeatsHeld.v1";
    public static final String SEATS_CONFIRMED = "booking.SeatsConfirmed.v1";
    public static final String SEATS_RELEASED = "booking.SeatsReleased.v1";
    public static final String CHANGE_APPLIED = "booking.SlotChangeApplied.v1";
    public static final String CHANGE_REFUSED = "booking.SlotChangeRefused.v1";
    public static final String ALLOCATION_GRANTED = "booking.AllocationGranted.v1";
    public static final String ALLOCATION_RELEASED = "booking.AllocationReleased.v1";

    private static final Logger log = LoggerFactory.getLogger(SeatLedgerListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(SeatLedgerListener.class);

    private final SeatReadModel readModel;
    private final SlotChangeAnswers answers;
    private final ObservationRegistry observations;

    public SeatLedgerListener(SeatReadModel readModel, SlotChangeAnswers answers, ObservationRegistry observations) {
        this.readModel = readModel;
        this.answers = answers;
        this.observations = observations;
    }

    /** One consumer per partition (up to the configured concurrency): slots of different partitions in parallel. */
    @KafkaListener(id = "catalog-seat-ledger", topics = TOPIC, groupId = GROUP, batch = "true",
            concurrency = "${catalog.ledger-listener.concurrency:3}")
    void on(List<ConsumerRecord<String, Object>> records) {
        // a batch listener gets no consumer spans from Spring Kafka: each reserve's trace reaches the catalog here
        try (BatchObservations observed = BatchObservations.start(observations, "catalog-seat-ledger", records)) {
            try {
                applyAll(records);
            }
            catch (RuntimeException ex) {
                observed.error(ex);
                throw ex;
            }
        }
    }

    private void applyAll(List<ConsumerRecord<String, Object>> records) {
        Batch batch = new Batch();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, Object> record = records.get(i);
            if (record.value() == null) {
                DeserializationException poison = SerializationUtils.getExceptionFromHeader(record,
                        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
                if (poison != null) {
                    apply(batch);
                    throw new BatchListenerFailedException("Cannot read record " + record.topic() + "-"
                            + record.partition() + "@" + record.offset(), poison, i);
                }
                continue;
            }
            batch.add(i, record.value());
        }
        apply(batch);
    }

    /** Snapshots first (one bulk), then the answers in their order. */
    private void apply(Batch batch) {
        readModel.apply(batch.newest);
        for (IndexedAnswer answer : batch.answers) {
            try {
                answers.apply(answer.answer());
            }
            catch (RuntimeException ex) {
                throw new BatchListenerFailedException("Cannot apply ledger answer " + answer.answer().requestId()
                        + " on slot " + answer.answer().slotId(), ex, answer.index());
            }
        }
    }

    /** The newest snapshot per slot and the answers, of the records read so far. */
    private static final class Batch {

        final Map<String, Ledger> newest = new HashMap<>();
        final List<IndexedAnswer> answers = new ArrayList<>();

        void add(int index, Object value) {
            if (value instanceof SeatsChanged e) {
                snapshot(e.slotId(), e.ledger());
            }
            else if (value instanceof SlotChangeApplied e) {
                snapshot(e.slotId(), e.ledger());
                answers.add(new IndexedAnswer(index, new LedgerAnswer.Applied(e.slotId(), e.requestId(), e.change(),
                        e.previousCapacity(), e.affectedBookingIds(), e.ledger())));
            }
            else if (value instanceof SlotChangeRefused e) {
                snapshot(e.slotId(), e.ledger());
                answers.add(new IndexedAnswer(index, new LedgerAnswer.Refused(e.slotId(), e.requestId(), e.change(),
                        e.capacity(), e.reason(), e.message(), e.ledger())));
            }
            else if (value instanceof UnknownEvent e) {
                log.trace("Ignoring {} {}", e.type(), e.id());
            }
        }

        private void snapshot(String slotId, Ledger ledger) {
            if (ledger != null) {
                newest.merge(slotId, ledger, (a, b) -> b.version() > a.version() ? b : a);
            }
        }
    }

    private record IndexedAnswer(int index, LedgerAnswer answer) {
    }

    /** The ledger's events the catalog reads; everything else on the topic becomes {@link UnknownEvent}. */
    @Configuration(proxyBeanMethods = false)
    static class SeatLedgerTypes {

        @Bean
        EventTypes catalogSeatLedgerTypes() {
            return EventTypes.builder()
                    .add(SEATS_HELD, SeatsChanged.class)
                    .add(SEATS_CONFIRMED, SeatsChanged.class)
                    .add(SEATS_RELEASED, SeatsChanged.class)
                    // an allocation moves seats between free sale and an operator: only its ledger snapshot matters here
                    .add(ALLOCATION_GRANTED, SeatsChanged.class)
                    .add(ALLOCATION_RELEASED, SeatsChanged.class)
                    .add(CHANGE_APPLIED, SlotChangeApplied.class)
                    .add(CHANGE_REFUSED, SlotChangeRefused.class)
                    .build();
        }
    }
}
