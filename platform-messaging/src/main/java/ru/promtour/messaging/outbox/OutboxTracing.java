package ru.promtour.messaging.outbox;

import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an outbox event's trace context comes from. Events are created by a static factory called all over the
 * services ({@link OutboxEvent#of}), so the tracer is reached the way OpenTelemetry's own API reaches its
 * global instance: through one process-wide holder, installed by the messaging auto-configuration when Micrometer
 * Tracing is present. Without it events simply carry no trace.
 */
public final class OutboxTracing {

    private static final Supplier<String> NONE = () -> null;
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static volatile Supplier<String> current = NONE;

    private OutboxTracing() {
    }

    /** Installs the source of the current W3C {@code traceparent} (null outside a trace). */
    public static void install(Supplier<String> traceparent) {
        current = Objects.requireNonNull(traceparent, "traceparent");
    }

    /** Removes the source installed by {@link #install}, if it is still that one (a context closing). */
    public static void uninstall(Supplier<String> traceparent) {
        if (current == traceparent) {
            current = NONE;
        }
    }

    /** The trace context of the calling thread's current span, or null; never throws. */
    public static String currentTraceparent() {
        try {
            return current.get();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * A W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}). A 64-bit trace id (B3 style) is padded to
     * the 128 bits W3C requires, as the W3C propagators do.
     */
    public static String traceparent(String traceId, String spanId, boolean sampled) {
        if (traceId == null || spanId == null || traceId.isEmpty() || spanId.isEmpty()) {
            return null;
        }
        String id = traceId.length() < 32 ? "0".repeat(32 - traceId.length()) + traceId : traceId;
        return "00-" + id + "-" + spanId + "-" + (sampled ? "01" : "00");
    }

    /** The trace id of a {@code traceparent}, or null when it is not one. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent.strip());
        return m.matches() ? m.group(1) : null;
    }
}
