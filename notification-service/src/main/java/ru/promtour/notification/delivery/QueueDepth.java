package ru.promtour.notification.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.promtour.messaging.metrics.PolledMeters;
import ru.promtour.notification.channel.ResilientChannels;
import ru.promtour.notification.message.Channel;
import ru.promtour.notification.message.MessageLog;
import ru.promtour.notification.webhook.DeliveryLog;

/**
 * {@code notification.queue.depth{channel=email|sms|webhook}}: messages and webhook deliveries waiting for an attempt
 * (the first or a retry) or being sent. Counted by the messaging library's poller (every
 * {@code platform.messaging.metrics.poll-interval}), never by a scrape; a failed count keeps the last value.
 */
@Component
class QueueDepth implements MeterBinder, PolledMeters {

    private static final Logger log = LoggerFactory.getLogger(QueueDepth.class);

    private final Map<String, LongSupplier> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> values = new ConcurrentHashMap<>();

    QueueDepth(MessageLog messages, DeliveryLog deliveries) {
        for (Channel channel : Channel.values()) {
            counts.put(ResilientChannels.name(channel), () -> messages.countWaiting(channel));
        }
        counts.put("webhook", deliveries::countWaiting);
        counts.keySet().forEach(channel -> values.put(channel, 0L));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        values.keySet().forEach(channel -> Gauge.builder("notification.queue.depth", values, v -> v.getOrDefault(channel, 0L))
                .tag("channel", channel)
                .description("Messages waiting for an attempt (first or retry) or being sent")
                .strongReference(true)
                .register(registry));
    }

    @Override
    public void refresh() {
        counts.forEach((channel, count) -> {
            try {
                values.put(channel, count.getAsLong());
            }
            catch (RuntimeException ex) {
                log.debug("Counting the {} queue failed; keeping the last value", channel, ex);
            }
        });
    }
}
