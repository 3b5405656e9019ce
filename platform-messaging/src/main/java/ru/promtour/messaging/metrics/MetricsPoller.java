package ru.promtour.messaging.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes every {@link PolledMeters} each {@code interval} on one daemon thread of its own: a scrape reads cached
 * values, so scraping often (or from several Prometheus servers) costs the store and the broker nothing, and no
 * {@code @EnableScheduling} is imposed on the service.
 */
public class MetricsPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsPoller.class);

    private final List<PolledMeters> meters;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

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
    public synchronized void start() {
        if (executor != null || meters.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-poller");
            thread.setDaemon(true);
            return thread;
        });
        // the first values right after the start (not one interval later); an unreachable store or broker does not
        // hold up the start: this runs on the poller's thread
        executor.scheduleWithFixedDelay(this::refreshSafely, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private void refreshSafely() {
        try {
            refreshAll();
        }
        catch (Throwable ex) {
            log.debug("Metrics refresh failed", ex);
        }
    }
}
