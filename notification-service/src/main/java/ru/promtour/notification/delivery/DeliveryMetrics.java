package ru.promtour.notification.delivery;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import ru.promtour.notification.channel.ResilientChannels;
import ru.promtour.notification.message.Channel;

/**
 * Per-channel counters on {@code /actuator/prometheus}: {@code notification_messages_sent_total},
 * {@code _failed_total}, {@code _requeued_total} (waits for a later attempt) and
 * {@code notification_send_retries_total} (Resilience4j retries inside one attempt); the timers
 * {@code notification_send_seconds{channel, outcome}} (one provider call: {@code sent}, {@code retry} — put back for a
 * later attempt — or {@code failed}) and {@code notification_delivery_seconds{channel}} (from the message's creation,
 * when its event was consumed, to the provider's acceptance; a bucket at the 5-minute objective). Channels:
 * {@code email}, {@code sms}, {@code webhook}. The breaker state is Resilience4j's own
 * {@code resilience4j_circuitbreaker_state{name="email|sms"}}; the queue depth is {@link QueueDepth}'s.
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

    /** A provider call starts. */
    public Timer.Sample startSend() {
        return Timer.start(registry);
    }

    /** A provider call ended with {@code outcome}: {@code sent}, {@code retry} or {@code failed}. */
    public void sendEnded(Timer.Sample sample, String channel, String outcome) {
        sample.stop(sendTimer(channel, outcome));
    }

    /** A provider call of {@code took} (measured by the caller) ended with {@code outcome}. */
    public void sendEnded(Duration took, String channel, String outcome) {
        sendTimer(channel, outcome).record(took);
    }

    /** A message reached its recipient's provider {@code latency} after it was created. */
    public void delivered(String channel, Duration latency) {
        Timer.builder("notification.delivery").tag("channel", channel)
                .description("From a message's creation (its event consumed) to the provider's acceptance")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofMinutes(5))
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private Timer sendTimer(String channel, String outcome) {
        return Timer.builder("notification.send").tag("channel", channel).tag("outcome", outcome)
                .description("One call of a channel's provider, by its outcome")
                .publishPercentileHistogram()
                .register(registry);
    }

    private Counter counter(String name, Channel channel, String description) {
        return Counter.builder(name).tag("channel", ResilientChannels.name(channel)).description(description).register(registry);
    }
}
