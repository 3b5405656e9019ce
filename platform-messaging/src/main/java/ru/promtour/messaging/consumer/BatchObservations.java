package ru.promtour.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Consumer spans for a batch listener. Spring Kafka observes record listeners only, so a batch listener's records
 * would end their traces at the producer: this opens one observation per traced record (one carrying a
 * {@code traceparent}), continuing its trace, for the time the batch takes, and closes them together.
 * <pre>{@code
 * try (BatchObservations observed = BatchObservations.start(registry, "catalog-seat-ledger", records)) {
 *     apply(records);
 * }
 * }</pre>
 */
public final class BatchObservations implements AutoCloseable {

    private static final String NAME = "kafka.batch.record";

    private final List<Observation> observations;

    private BatchObservations(List<Observation> observations) {
        this.observations = observations;
    }

    /** Starts an observation for each record that carries a trace context; none when the registry is a no-op. */
    public static BatchObservations start(ObservationRegistry registry, String listenerId,
                                          List<? extends ConsumerRecord<?, ?>> records) {
        if (registry == null || registry.isNoop()) {
            return new BatchObservations(List.of());
        }
        List<Observation> started = new ArrayList<>();
        for (ConsumerRecord<?, ?> record : records) {
            if (record.headers().lastHeader("traceparent") == null) {
                continue;
            }
            started.add(Observation.createNotStarted(NAME, () -> receiving(record), registry)
                    .contextualName(record.topic() + " receive")
                    .lowCardinalityKeyValue("listener.id", listenerId)
                    .start());
        }
        return new BatchObservations(started);
    }

    private static ReceiverContext<ConsumerRecord<?, ?>> receiving(ConsumerRecord<?, ?> record) {
        ReceiverContext<ConsumerRecord<?, ?>> context = new ReceiverContext<>((carrier, key) -> {
            Header header = carrier.headers().lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        });
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        return context;
    }

    /** Marks every observation of the batch as failed (call before {@link #close()}). */
    public void error(Throwable failure) {
        observations.forEach(o -> o.error(failure));
    }

    @Override
    public void close() {
        observations.forEach(Observation::stop);
    }
}
