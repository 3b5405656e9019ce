package ru.promtour.messaging.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * Builds the platform's listener error handling: a failing record is retried in place with an
 * exponential backoff, then published to {@code <topic>-dlt} and skipped. So nothing blocks a
 * partition forever, and nothing is silently dropped (if the dead-letter publish itself fails, the
 * record is not committed and is tried again).
 * <ul>
 *   <li>Records that could not be deserialized (poison) are not retried: they reach the recoverer as
 *       the original {@code byte[]} and are published unchanged.</li>
 *   <li>The dead letter keeps the original key and headers ({@code ce_*}) and gains Spring Kafka's
 *       {@code kafka_dlt-*} headers (original topic/partition/offset, exception class and message).</li>
 *   <li>No partition is chosen for the dead letter (-1): the producer picks one from the key, so a
 *       DLT may have fewer partitions than its topic.</li>
 * </ul>
 */
public final class DeadLetters {

    /** Suffix of every dead-letter topic. */
    public static final String SUFFIX = "-dlt";

    private DeadLetters() {
    }

    /** The dead-letter topic of a topic: {@code <topic>-dlt}. */
    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** Destination {@code <topic>-dlt}, partition left to the producer. */
    public static BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination() {
        return (record, ex) -> new TopicPartition(topicFor(record.topic()), -1);
    }

    /**
     * The recoverer with one template per payload type, tried in this order: {@code byte[]} (records
     * that failed deserialization), {@code String}, then any object (as JSON).
     */
    public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> bytesTemplate,
                                                          KafkaOperations<?, ?> stringTemplate,
                                                          KafkaOperations<?, ?> jsonTemplate) {
        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, bytesTemplate);
        templates.put(String.class, stringTemplate);
        templates.put(Object.class, jsonTemplate);
        return new DeadLetterPublishingRecoverer(templates, destination());
    }

    /** The error handler: retry with {@code backOff}, then dead-letter; deserialization failures are not retried. */
    public static DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, BackOff backOff) {
        // DeserializationException is among DefaultErrorHandler's default not-retryable exceptions
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
