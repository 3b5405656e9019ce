package ru.promtour.messaging.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging backbone, prefix {@code platform.messaging}. Every value has a default
 * tuned for the platform (fast path plus a 1 s safety-net timer, 14-day deduplication memory, about
 * 3 s of retries before a record is dead-lettered), so a service normally sets only
 * {@code outbox.collections}.
 *
 * @param source   {@code ce_source} of published events; default {@code /${spring.application.name}}
 * @param outbox   outbox relay settings
 * @param consumer consumer defaults and deduplication
 * @param retry    listener retry backoff before the dead-letter topic
 * @param health   Kafka health indicator
 * @param metrics  the polled gauges (outbox backlog, consumer lag, dead letters)
 */
@ConfigurationProperties("platform.messaging")
public record MessagingProperties(
        String source,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Retry retry,
        @DefaultValue Health health,
        @DefaultValue Metrics metrics) {

    /**
     * @param collections   aggregate collections the timer sweeps (merged with {@code OutboxCollections} beans)
     * @param relayInterval delay between two timer sweeps
     * @param staleAfter    only events older than this are taken by the timer, so it does not race the
     *                      fast path
     * @param sendTimeout   how long the relay waits for one broker ack
     * @param batchSize     documents per collection per sweep
     * @param timerEnabled  whether the timer runs (the fast path always works)
     */
    public record Outbox(
            List<String> collections,
            @DefaultValue("1s") Duration relayInterval,
            @DefaultValue("2s") Duration staleAfter,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("100") int batchSize,
            @DefaultValue("true") boolean timerEnabled) {

        public Outbox {
            collections = collections == null ? List.of() : List.copyOf(collections);
        }
    }

    /**
     * @param cloudEvents       wrap the consumer value deserializer as
     *                          {@code ErrorHandlingDeserializer(CloudEventDeserializer)}
     * @param processedEventTtl how long {@code processed_events} remembers an event id
     */
    public record Consumer(
            @DefaultValue("true") boolean cloudEvents,
            @DefaultValue("14d") Duration processedEventTtl) {
    }

    /**
     * Exponential backoff of a failing listener: initial, initial×multiplier, … capped at
     * {@code maxInterval}, for {@code maxAttempts} deliveries in all, then the dead-letter topic.
     *
     * @param initialInterval first delay
     * @param multiplier      growth factor
     * @param maxInterval     cap of one delay
     * @param maxAttempts     deliveries in all, the first included (3 → 2 retries); a failure of the store or the
     *                        broker is retried without this limit (DeadLetters)
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("10s") Duration maxInterval,
            @DefaultValue("3") int maxAttempts) {
    }

    /** @param timeout how long one {@code describeCluster} may take */
    public record Health(@DefaultValue("3s") Duration timeout) {
    }

    /**
     * @param pollInterval how often the outbox aggregation and the broker's offsets are read into the gauges (a
     *                     scrape reads the cached values, never the store or the broker)
     * @param timeout      how long one read of the broker may take
     */
    public record Metrics(
            @DefaultValue("15s") Duration pollInterval,
            @DefaultValue("5s") Duration timeout) {
    }
}
