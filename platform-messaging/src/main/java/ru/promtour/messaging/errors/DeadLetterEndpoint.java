package ru.promtour.messaging.errors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * {@code /actuator/deadletters} on the management port: the dead-letter topics of the topics this service's listeners
 * consume, with how many records each holds, and their replay.
 * <p>
 * {@code POST /actuator/deadletters/{topic}} with {@code {"partition"?, "fromOffset"?, "toOffset"? (inclusive),
 * "dryRun"?}} re-publishes the records of that window (all of the topic by default) to the original topic, with their
 * key, value and headers ({@code ce_*}, trace context) except the {@code kafka_dlt-*} headers the recoverer added. A
 * replay is safe to repeat: the consumers drop what they already processed by {@code ce_id}. A record that fails again
 * is dead-lettered again, after its retries. The records are read by a short-lived consumer that assigns the
 * partitions and seeks (no group, nothing committed) and sent by the library's reliable producer
 * (idempotent, {@code acks=all}); the answer comes once every record is acknowledged.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterEndpoint.class);
    /** What Spring Kafka's recoverer adds: the original topic, partition, offset, timestamp, group and exception. */
    static final String DLT_HEADER_PREFIX = KafkaHeaders.PREFIX + "dlt-";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** A replay that has not reached the end of its window by then answers with what it sent. */
    private static final Duration REPLAY_BUDGET = Duration.ofSeconds(60);

    private final KafkaListenerEndpointRegistry listeners;
    private final Supplier<Admin> admins;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final KafkaTemplate<String, byte[]> producer;

    /**
     * @param admins    opens an admin client on the service's cluster (closed after each call)
     * @param consumers opens a consumer without group with String keys and raw values (closed after each replay)
     * @param producer  the reliable producer of raw values
     */
    public DeadLetterEndpoint(KafkaListenerEndpointRegistry listeners, Supplier<Admin> admins,
                              Supplier<Consumer<String, byte[]>> consumers, KafkaTemplate<String, byte[]> producer) {
        this.listeners = listeners;
        this.admins = admins;
        this.consumers = consumers;
        this.producer = producer;
    }

    /** One dead-letter topic: the topic its records came from, its partitions and how many records it holds. */
    public record DeadLetterTopic(String topic, String originalTopic, int partitions, long records) {
    }

    public record DeadLetterTopics(List<DeadLetterTopic> topics) {
    }

    /**
     * One partition of a replay: the window (inclusive), the records re-published (or counted, dry) and whether the
     * window was read to its end ({@code false}: the replay's time budget ran out first; replay the rest from
     * {@code fromOffset + records}).
     */
    public record PartitionReplay(int partition, long fromOffset, long toOffset, int records, boolean complete) {
    }

    public record Replay(String topic, String republishedTo, boolean dryRun, int records, boolean complete,
                         List<PartitionReplay> partitions) {
    }

    /** The dead-letter topics of every topic a listener of this service consumes that exist, with their record counts. */
    @ReadOperation
    public DeadLetterTopics topics() {
        Collection<String> names = deadLetterTopics();
        List<DeadLetterTopic> topics = new ArrayList<>();
        try (Admin admin = admins.get(); Consumer<String, byte[]> consumer = consumers.get()) {
            var existing = admin.listTopics().names().get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            for (String name : names) {
                if (existing.contains(name)) {
                    List<TopicPartition> partitions = partitions(consumer, name, null);
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, CALL_TIMEOUT);
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
                    long records = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
                    topics.add(new DeadLetterTopic(name, original(name), partitions.size(), records));
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the dead-letter topics", ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the broker did not list its topics: " + ex, ex);
        }
        return new DeadLetterTopics(topics);
    }

    /** Re-publishes a window of a dead-letter topic to its original topic (see the class comment). */
    @WriteOperation
    public WebEndpointResponse<Object> replay(@Selector String topic, @Nullable Integer partition,
                                              @Nullable Long fromOffset, @Nullable Long toOffset,
                                              @Nullable Boolean dryRun) {
        if (!deadLetterTopics().contains(topic)) {
            return problem(WebEndpointResponse.STATUS_NOT_FOUND, "'" + topic + "' is not a dead-letter topic of this "
                    + "service; GET /actuator/deadletters lists them");
        }
        if ((fromOffset != null && fromOffset < 0) || (toOffset != null && toOffset < 0)
                || (fromOffset != null && toOffset != null && toOffset < fromOffset)) {
            return problem(WebEndpointResponse.STATUS_BAD_REQUEST, "fromOffset and toOffset must be >= 0, toOffset >= fromOffset");
        }
        boolean dry = Boolean.TRUE.equals(dryRun);
        String target = original(topic);
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = partitions(consumer, topic, partition);
            if (partitions.isEmpty()) {
                return problem(WebEndpointResponse.STATUS_BAD_REQUEST, topic + " has no partition " + partition);
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, CALL_TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, CALL_TIMEOUT);
            List<PartitionReplay> replays = new ArrayList<>();
            List<CompletableFuture<?>> sends = new ArrayList<>();
            long deadline = System.nanoTime() + REPLAY_BUDGET.toNanos();
            for (TopicPartition tp : partitions) {
                long from = Math.max(begin.get(tp), fromOffset == null ? 0 : fromOffset);
                long to = Math.min(end.get(tp) - 1, toOffset == null ? Long.MAX_VALUE : toOffset);
                int count = 0;
                boolean complete = true;
                if (from <= to) {
                    consumer.assign(List.of(tp));
                    consumer.seek(tp, from);
                    while (consumer.position(tp, CALL_TIMEOUT) <= to && System.nanoTime() < deadline) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                            if (record.offset() > to) {
                                break;
                            }
                            count++;
                            if (!dry) {
                                sends.add(producer.send(republished(record, target)));
                            }
                        }
                    }
                    complete = consumer.position(tp, CALL_TIMEOUT) > to;
                }
                replays.add(new PartitionReplay(tp.partition(), from, to, count, complete));
            }
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            int records = replays.stream().mapToInt(PartitionReplay::records).sum();
            log.info("{} {} records of {} to {}", dry ? "Counted (dry run)" : "Re-published", records, topic, target);
            boolean complete = replays.stream().allMatch(PartitionReplay::complete);
            return new WebEndpointResponse<>(new Replay(topic, target, dry, records, complete, replays));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + topic, ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("the broker did not acknowledge the replay of " + topic + ": " + ex, ex);
        }
    }

    /** The record as it first came: same key, value and headers, less what the dead-lettering added. */
    static ProducerRecord<String, byte[]> republished(ConsumerRecord<String, byte[]> record, String target) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(target, null, record.key(), record.value(), headers);
    }

    /** {@code <topic>-dlt} of every topic a listener container of this service subscribes to by name. */
    private Collection<String> deadLetterTopics() {
        TreeSet<String> topics = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getAllListenerContainers()) {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                for (String name : names) {
                    topics.add(DeadLetters.topicFor(name));
                }
            }
        }
        return topics;
    }

    private static List<TopicPartition> partitions(Consumer<String, byte[]> consumer, String topic, @Nullable Integer only) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, CALL_TIMEOUT);
        return infos == null ? List.of() : infos.stream()
            .filter(p -> only == null || p.partition() == only)
            .map(p -> new TopicPartition(topic, p.partition()))
            .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
            .toList();
    }

    private static String original(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - DeadLetters.SUFFIX.length());
    }

    private static WebEndpointResponse<Object> problem(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("detail", Objects.requireNonNull(detail));
        return new WebEndpointResponse<>(body, status);
    }
}
