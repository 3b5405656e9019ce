package ru.promtour.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What a phase of a simulation saw: the latency of every answered request (HdrHistogram, so percentiles are
 * exact to 3 digits), the answers by kind, and the wall time from the first request to the last answer, from
 * which throughput is counted (only {@code ON_HOLD} answers count as done work).
 */
final class Outcomes {

    private static final Map<String, Outcomes> PHASES = new ConcurrentHashMap<>();

    private final Histogram latency = new ConcurrentHistogram(60_000, 3);
    private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();
    private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong last = new AtomicLong();

    static Outcomes of(String phase) {
        return PHASES.computeIfAbsent(phase, name -> new Outcomes());
    }

    /** Marks the phase's start (its first request), so throughput covers the whole phase. */
    void started() {
        first.accumulateAndGet(System.nanoTime(), Math::min);
    }

    void record(long millis, String kind) {
        long now = System.nanoTime();
        first.accumulateAndGet(now - Math.max(0, millis) * 1_000_000, Math::min);
        last.accumulateAndGet(now, Math::max);
        if (millis >= 0) {
            latency.recordValue(Math.min(millis, latency.getHighestTrackableValue()));
        }
        kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Reserves: the done work is an {@code ON_HOLD} answer. */
    ObjectNode json() {
        return json("ON_HOLD", "onHoldPerSecond");
    }

    private double seconds() {
        return last.get() > first.get() ? (last.get() - first.get()) / 1e9 : 0;
    }

    private static double perSecond(long count, double seconds) {
        return seconds == 0 ? 0 : Math.round(count / seconds * 10) / 10.0;
    }

    long count(String kind) {
        LongAdder adder = kinds.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    /** The phase's answers and latencies, with {@code <field>} the answers of {@code doneKind} per second (the done work). */
    ObjectNode json(String doneKind, String field) {
        ObjectNode node = Bench.JSON.createObjectNode();
        double seconds = seconds();
        long requests = kinds.values().stream().mapToLong(LongAdder::sum).sum();
        node.put("requests", requests).put("seconds", Math.round(seconds * 100) / 100.0);
        node.put(field, perSecond(count(doneKind), seconds));
        node.put("requestsPerSecond", perSecond(requests, seconds));
        node.put("p50", latency.getValueAtPercentile(50)).put("p95", latency.getValueAtPercentile(95))
                .put("p99", latency.getValueAtPercentile(99)).put("max", latency.getMaxValue());
        ObjectNode byKind = node.putObject("answers");
        new TreeMap<>(kinds).forEach((kind, adder) -> byKind.put(kind, adder.sum()));
        return node;
    }
}
