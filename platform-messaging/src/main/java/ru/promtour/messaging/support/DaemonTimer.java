package ru.promtour.messaging.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs a task at a fixed delay: the library's timers use it instead of {@code @Scheduled}, so
 * no {@code @EnableScheduling} is imposed on a service, and whatever the task reaches (the store, the broker) cannot
 * hold up the application's start. Start and stop are idempotent.
 */
public final class DaemonTimer {

    private final String threadName;
    private volatile ScheduledExecutorService executor;

    public DaemonTimer(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Runs {@code first} once at once, then {@code task} after {@code initialDelay} and every {@code interval} after
     * each run ends. Does nothing when already started.
     */
    public synchronized void start(Runnable first, Duration initialDelay, Duration interval, Runnable task) {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        if (first != null) {
            executor.execute(first);
        }
        executor.scheduleWithFixedDelay(task, Math.max(0, initialDelay.toMillis()), Math.max(1, interval.toMillis()),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the thread, waiting up to 5 s for a run in progress. */
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

    public boolean isRunning() {
        return executor != null;
    }
}
