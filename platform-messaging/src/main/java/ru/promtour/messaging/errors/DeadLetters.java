package ru.promtour.messaging.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Builds the platform's listener error handling: a failing record is retried in place with an
 * exponential backoff, then published to {@code <topic>-dlt} and skipped. So nothing blocks a
 * partition forever, and nothing is silently dropped (if the dead-letter publish itself fails, the
 * record is not committed and is tried again).
 * <ul>
 *   <li>Records that could not be deserialized (poison) are not retried: they reach the recoverer as
 *       the original {@code byte[]} and are published unchanged.</li>
 *   <li>A failure of the store or the broker is no fault of the record: it is retried until they are back.</li>
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

    /**
     * The error handler: retry with {@code backOff}, then dead-letter; deserialization failures are not retried; a
     * failure of the infrastructure (the store or the broker unreachable or timing out) is retried until it passes.
     */
    public static DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, BackOff backOff) {
        // DeserializationException is among DefaultErrorHandler's default not-retryable exceptions
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        BackOff untilItPasses = untilInfrastructureReturns(backOff);
        handler.setBackOffFunction((record, ex) -> infrastructureFailure(ex) ? untilItPasses : null);
        return handler;
    }

    /**
     * Whether a listener failed because the store or the broker is unreachable or timed out, not because of the record:
     * such a record is not poison, and dead-lettering it would lose it for this consumer during a store failover. The
     * partition waits (in order) and the record is delivered again until the infrastructure is back.
     */
    public static boolean infrastructureFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof MongoSocketException || t instanceof MongoTimeoutException
                    || t instanceof MongoNotPrimaryException || t instanceof MongoNodeIsRecoveringException
                    || t instanceof RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** The same growing delays as {@code backOff} when it is exponential (else 1 s to 10 s), without an end. */
    private static BackOff untilInfrastructureReturns(BackOff backOff) {
        ExponentialBackOff forever = new ExponentialBackOff(1000, 2);
        forever.setMaxInterval(10_000);
        if (backOff instanceof ExponentialBackOff exponential) {
            forever.setInitialInterval(exponential.getInitialInterval());
            forever.setMultiplier(exponential.getMultiplier());
            forever.setMaxInterval(exponential.getMaxInterval());
        }
        return forever;
    }
}
