package ru.promtour.bench;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until every consumer group of the platform has read everything on its topics (lag 0 for a
 * moment), so one measurement does not pay for the backlog of the previous one.
 */
final class Drain {

    private Drain() {
    }

    /** Blocks until the summed lag of all consumer groups is 0 on two reads in a row, or 120 s passed. */
    static long await() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Bench.KAFKA);
        long started = System.nanoTime();
        try (Admin admin = Admin.create(config)) {
            int zeroes = 0;
            while (zeroes < 2 && System.nanoTime() - started < 120_000_000_000L) {
                zeroes = lag(admin) == 0 ? zeroes + 1 : 0;
                Simulations.pause(250);
            }
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Cannot read consumer lag from " + Bench.KAFKA, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Prints each consumer group's lag once a second (for watching a run): {@code Drain watch}. */
    public static void main(String[] args) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Bench.KAFKA);
        try (Admin admin = Admin.create(config)) {
            while (true) {
                StringBuilder line = new StringBuilder(java.time.LocalTime.now().toString());
                for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                    long lag = lag(admin, group);
                    if (lag > 0) {
                        line.append("  ").append(group.groupId()).append('=').append(lag);
                    }
                }
                System.out.println(line);
                Thread.sleep(1000);
            }
        }
    }

    private static long lag(Admin admin) throws ExecutionException, InterruptedException {
        long lag = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            lag += lag(admin, group);
        }
        return lag;
    }

    private static long lag(Admin admin, ConsumerGroupListing group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                .partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get();
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            if (entry.getValue() != null) {
                lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
        }
        return lag;
    }
}
