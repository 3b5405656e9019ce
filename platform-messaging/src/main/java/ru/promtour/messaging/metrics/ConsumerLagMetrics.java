package ru.promtour.messaging.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.promtour.messaging.errors.DeadLetters;

/**
 * The service's consumers as the broker sees them, read with Kafka's {@link Admin} API:
 * <ul>
 *   <li>{@code kafka.consumer.group.lag} (tags {@code group}, {@code topic}, {@code partition}): end offset minus the
 *       committed offset, for every partition the service's own groups have committed;</li>
 *   <li>{@code dlt.records} (tag {@code topic}, the dead-letter topic): records in each {@code <topic>-dlt} of the
 *       topics the service consumes (end minus beginning offsets over its partitions) — DeadLetters writes there.</li>
 * </ul>
 * The groups and topics come from the service's listener containers at every poll. A failed read keeps the last
 * values (logged at debug: the Kafka health indicator already reports an unreachable broker); a partition or topic
 * that is gone is removed.
 */
public class ConsumerLagMetrics implements MeterBinder, PolledMeters, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMetrics.class);

    private final Supplier<Admin> adminFactory;
    private final Supplier<Map<String, Set<String>>> topicsByGroup;
    private final Duration timeout;
    private final List<MultiGauge[]> gauges = new CopyOnWriteArrayList<>();
    private volatile Admin admin;
    private volatile List<MultiGauge.Row<?>> lagRows = List.of();
    private volatile List<MultiGauge.Row<?>> dltRows = List.of();

    /**
     * @param adminFactory  creates the admin client (once, on the first poll)
     * @param topicsByGroup the service's consumer groups and the topics each consumes
     * @param timeout       how long one read of the broker may take
     */
    public ConsumerLagMetrics(Supplier<Admin> adminFactory, Supplier<Map<String, Set<String>>> topicsByGroup,
                              Duration timeout) {
        this.adminFactory = Objects.requireNonNull(adminFactory, "adminFactory");
        this.topicsByGroup = Objects.requireNonNull(topicsByGroup, "topicsByGroup");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        MultiGauge lag = MultiGauge.builder("kafka.consumer.group.lag")
                .description("Records of a partition not yet committed by the consumer group (end - committed offset)")
                .register(registry);
        MultiGauge dlt = MultiGauge.builder("dlt.records")
                .description("Records in a dead-letter topic (end - beginning offsets)")
                .register(registry);
        gauges.add(new MultiGauge[] {lag, dlt});
        publish();
    }

    @Override
    public void refresh() {
        Map<String, Set<String>> groups = topicsByGroup.get();
        if (groups.isEmpty()) {
            return;
        }
        try {
            Admin client = admin();
            lagRows = lag(client, groups.keySet());
            Set<String> consumed = groups.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            dltRows = deadLetters(client, consumed);
            publish();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException | RuntimeException ex) {
            log.debug("Reading consumer offsets failed; the gauges keep their last values", ex);
        }
    }

    private List<MultiGauge.Row<?>> lag(Admin client, Set<String> groups)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = get(client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata());
            Map<TopicPartition, Long> positions = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    positions.put(partition, offset.offset());
                }
            });
            committed.put(group, positions);
        }
        Set<TopicPartition> partitions = new HashSet<>();
        committed.values().forEach(m -> partitions.addAll(m.keySet()));
        Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        committed.forEach((group, positions) -> positions.forEach((partition, position) -> {
            Long end = ends.get(partition);
            if (end != null) {
                rows.add(MultiGauge.Row.of(Tags.of("group", group, "topic", partition.topic(),
                        "partition", String.valueOf(partition.partition())), Math.max(0, end - position)));
            }
        }));
        return rows;
    }

    private List<MultiGauge.Row<?>> deadLetters(Admin client, Set<String> consumed)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> existing = get(client.listTopics().names());
        Set<String> dlts = consumed.stream().map(DeadLetters::topicFor).filter(existing::contains)
                .collect(Collectors.toSet());
        if (dlts.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = get(client.describeTopics(dlts).allTopicNames());
        Set<TopicPartition> partitions = new HashSet<>();
        descriptions.values().forEach(d -> d.partitions()
                .forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition()))));
        Map<TopicPartition, Long> ends = offsets(client, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(client, partitions, OffsetSpec.earliest());
        Map<String, Long> records = new HashMap<>();
        partitions.forEach(p -> records.merge(p.topic(),
                Math.max(0, ends.getOrDefault(p, 0L) - starts.getOrDefault(p, 0L)), Long::sum));
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        records.forEach((topic, count) -> rows.add(MultiGauge.Row.of(Tags.of("topic", topic), count)));
        return rows;
    }

    private Map<TopicPartition, Long> offsets(Admin client, Set<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> result = get(client.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private <T> T get(KafkaFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Admin admin() {
        Admin client = admin;
        if (client == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = adminFactory.get();
                }
                client = admin;
            }
        }
        return client;
    }

    private void publish() {
        for (MultiGauge[] pair : gauges) {
            pair[0].register(lagRows, true);
            pair[1].register(dltRows, true);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
