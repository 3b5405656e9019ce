package ru.promtour.messaging.support;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One daemon thread that runs a task at a fixed delay: the library's timers use it instead of {@code @Scheduled}, so
 * no {@code @EnableScheduling} is imposed on a service, and whatever the task reaches (the store, the broker) cannot
 * hold up the application's start. A run that throws is handed to {@code onFailure} and the next runs go on (a
 * scheduled executor would silently stop the schedule). Start and stop are idempotent.
 */
public final class DaemonTimer {

    private final String threadName;
    private final Consumer<Throwable> onFailure;
    private volatile ScheduledExecutorService executor;

    /**
     * @param onFailure told of a run that threw (to log it at the level the timer's work deserves)
     */
    public DaemonTimer(String threadName, Consumer<Throwable> onFailure) {
        this.threadName = threadName;
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
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
            executor.execute(guarded(first));
        }
        executor.scheduleWithFixedDelay(guarded(task), Math.max(0, initialDelay.toMillis()),
                Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} once on the timer's thread as soon as it is free (nothing when not started). */
    public void runNow(Runnable task) {
        ScheduledExecutorService current = executor;
        if (current != null) {
            current.execute(guarded(task));
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            }
            catch (Throwable ex) {
                onFailure.accept(ex);
            }
        };
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
