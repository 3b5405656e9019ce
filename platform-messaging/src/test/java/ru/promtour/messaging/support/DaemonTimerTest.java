package ru.promtour.messaging.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A run that throws is reported and the schedule goes on; {@code runNow} runs on the timer's thread. */
class DaemonTimerTest {

    @Test
    void aFailingRunIsReportedAndTheNextRunsGoOn() {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        DaemonTimer timer = new DaemonTimer("test-timer", failures::add);
        AtomicInteger runs = new AtomicInteger();
        try {
            timer.start(() -> {
                throw new IllegalStateException("first fails");
            }, Duration.ZERO, Duration.ofMillis(10), () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("a run fails");
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
            assertThat(failures).extracting(Throwable::getMessage).contains("first fails", "a run fails");

            List<String> threads = new CopyOnWriteArrayList<>();
            timer.runNow(() -> threads.add(Thread.currentThread().getName()));
            await().atMost(Duration.ofSeconds(5)).until(() -> threads.contains("test-timer"));
        }
        finally {
            timer.stop();
        }
        assertThat(timer.isRunning()).isFalse();
    }
}
