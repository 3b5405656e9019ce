package ru.promtour.messaging.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import ru.promtour.messaging.support.DaemonTimer;

/**
 * Refreshes every {@link PolledMeters} each {@code interval} on one daemon thread of its own: a scrape reads cached
 * values, so scraping often (or from several Prometheus servers) costs the store and the broker nothing, and no
 * {@code @EnableScheduling} is imposed on the service.
 */
public class MetricsPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsPoller.class);

    private final List<PolledMeters> meters;
    private final Duration interval;
    private final DaemonTimer timer = new DaemonTimer("metrics-poller",
            ex -> log.debug("Metrics refresh failed", ex));

    public MetricsPoller(List<PolledMeters> meters, Duration interval) {
        this.meters = List.copyOf(meters);
        this.interval = Objects.requireNonNull(interval, "interval");
    }

    /** One refresh of every meter set, on the caller's thread. */
    public void refreshAll() {
        for (PolledMeters m : meters) {
            try {
                m.refresh();
            }
            catch (RuntimeException ex) {
                log.debug("Refreshing {} failed; the gauges keep their last values", m.getClass().getSimpleName(), ex);
            }
        }
    }

    @Override
    public void start() {
        if (!meters.isEmpty()) {
            // the first values right after the start (not one interval later)
            timer.start(null, Duration.ZERO, interval, this::refreshAll);
        }
    }

    @Override
    public void stop() {
        timer.stop();
    }

    @Override
    public boolean isRunning() {
        return timer.isRunning();
    }
}
