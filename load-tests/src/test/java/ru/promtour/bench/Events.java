package ru.promtour.bench;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many events the platform has written so far: the sum of the end offsets of its topics (every topic but
 * Kafka's own and the suite's {@code bench.*}, dead-letter topics included). Read before and after a phase ({@link CpuUse}), the difference over
 * the phase's {@code ON_HOLD} answers is the events one reserve causes, which the capacity plan multiplies.
 */
final class Events {

    private Events() {
    }

    static long written() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Bench.KAFKA);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get().stream().filter(t -> !t.startsWith("bench."))
                    .collect(Collectors.toSet());
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = descriptions.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Cannot read the topics' end offsets from " + Bench.KAFKA, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
