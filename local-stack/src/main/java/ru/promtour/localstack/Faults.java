package ru.promtour.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults the fault suite ({@code load-tests/faults.sh}) switches on while traffic flows, through the messages API
 * ({@code POST /api/faults?target=smtp|sms&mode=…&seconds=N}): the SMTP catcher or the SMS API {@code down}
 * (the listener closed: connection refused, as when the provider is unreachable), the SMS API answering
 * {@code error} (500) or {@code slow} (each answer held back, the SMS still recorded, as a provider that
 * accepts late). Each fault ends by itself after its seconds, or at once with {@code mode=up}.
 */
final class Faults implements AutoCloseable {

    enum Mode { UP, DOWN, ERROR, SLOW }

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    private final SmtpCatcher smtp;
    private final SmsSink sms;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "faults");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Mode> modes = new LinkedHashMap<>(Map.of("smtp", Mode.UP, "sms", Mode.UP));
    private final Map<String, ScheduledFuture<?>> endings = new LinkedHashMap<>();

    Faults(SmtpCatcher smtp, SmsSink sms) {
        this.smtp = smtp;
        this.sms = sms;
    }

    /** Parses a mode as the API takes it; {@code null} when unknown. */
    static Mode mode(String text) {
        try {
            return text == null ? null : Mode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Whether {@code mode} applies to {@code target}: SMTP can only be down or up. */
    static boolean supports(String target, Mode mode) {
        return switch (target) {
            case "sms" -> true;
            case "smtp" -> mode == Mode.UP || mode == Mode.DOWN;
            default -> false;
        };
    }

    /** Puts {@code target} in {@code mode}; anything but UP ends after {@code duration} (null: when set UP). */
    synchronized void set(String target, Mode mode, Duration duration, Duration delay) {
        ScheduledFuture<?> pending = endings.remove(target);
        if (pending != null) {
            pending.cancel(false);
        }
        apply(target, mode, delay);
        if (mode != Mode.UP && duration != null) {
            endings.put(target, timer.schedule(() -> set(target, Mode.UP, null, null), duration.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    synchronized Map<String, String> state() {
        Map<String, String> state = new LinkedHashMap<>();
        modes.forEach((target, mode) -> state.put(target, mode.name().toLowerCase(Locale.ROOT)));
        return state;
    }

    private void apply(String target, Mode mode, Duration delay) {
        Mode before = modes.put(target, mode);
        if (target.equals("smtp")) {
            if (mode == Mode.DOWN) {
                smtp.close();
            }
            else {
                smtp.start();
            }
        }
        else {
            if (mode == Mode.DOWN) {
                sms.close();
            }
            else {
                sms.start();
                sms.misbehave(mode, delay == null ? Duration.ofSeconds(10) : delay);
            }
        }
        if (before != mode) {
            log.warn("Fault: {} {} (was {})", target, mode, before);
        }
    }

    /** Everything back up (the stack is stopping, or a test ends). */
    @Override
    public synchronized void close() {
        timer.shutdownNow();
        endings.clear();
    }
}
