package ru.promtour.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import ru.promtour.notification.channel.ResilientChannels;
import ru.promtour.notification.message.Channel;

/**
 * Per-channel counters on {@code /actuator/prometheus}: {@code notification_messages_sent_total},
 * {@code _failed_total}, {@code _requeued_total} (waits for a later attempt) and
 * {@code notification_send_retries_total} (Resilience4j retries inside one attempt). The breaker state is
 * Resilience4j's own {@code resilience4j_circuitbreaker_state{name="email|sms"}}.
 */
@Component
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry, ResilientChannels channels) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            sent(channel);
            failed(channel);
            requeued(channel);
            Counter retried = counter("notification.send.retries", channel, "retries of a send inside one attempt");
            if (channels.has(channel)) {
                channels.retry(channel).getEventPublisher().onRetry(event -> retried.increment());
            }
        }
    }

    public Counter sent(Channel channel) {
        return counter("notification.messages.sent", channel, "messages the provider accepted");
    }

    public Counter failed(Channel channel) {
        return counter("notification.messages.failed", channel, "messages marked FAILED");
    }

    public Counter requeued(Channel channel) {
        return counter("notification.messages.requeued", channel, "attempts put back to wait for a later try");
    }

    private Counter counter(String name, Channel channel, String description) {
        return Counter.builder(name).tag("channel", ResilientChannels.name(channel)).description(description).register(registry);
    }
}
