package ru.promtour.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CPU each process spent on a phase: a reading of every process's CPU time when the phase starts and
 * another once it has ended and the platform's consumers have caught up ({@link Drain}), so the work a reserve
 * causes after its answer (events, read models, notifications) is counted with it. Divided by the phase's
 * {@code ON_HOLD} answers this is the figure to drive down: ms of CPU per reserve, per process and in total.
 */
final class CpuUse {

    private static final Map<String, Map<String, Double>> STARTS = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Double>> SPENT = new ConcurrentHashMap<>();
    /** The events written during each phase ({@link Events}): read at the same settled moments as the CPU. */
    private static final Map<String, Long> EVENTS_AT_START = new ConcurrentHashMap<>();
    private static final Map<String, Long> EVENTS = new ConcurrentHashMap<>();

    private CpuUse() {
    }

    static void started(String phase) {
        EVENTS_AT_START.put(phase, Events.written());
        STARTS.put(phase, Processes.cpuSeconds());
    }

    static void ended(String phase) {
        Map<String, Double> start = STARTS.get(phase);
        if (start == null) {
            return;
        }
        Map<String, Double> spent = new ConcurrentHashMap<>();
        Processes.cpuSeconds().forEach((name, now) -> {
            Double before = start.get(name);
            if (before != null) {
                spent.put(name, now - before);
            }
        });
        SPENT.put(phase, spent);
        Long eventsBefore = EVENTS_AT_START.get(phase);
        if (eventsBefore != null) {
            EVENTS.put(phase, Events.written() - eventsBefore);
        }
    }

    /**
     * {@code {"seconds": {process: CPU s}, "msPerOnHold": {process: ms, "total": ms}, "events": n,
     * "eventsPerOnHold": x}}, in the order of {@link Processes#ORDER}; without the per-{@code ON_HOLD} figures when the
     * phase had no {@code ON_HOLD} answer.
     */
    static ObjectNode json(String phase, long onHold) {
        return json(phase, onHold, "OnHold");
    }

    /**
     * The same per answer of another kind of done work: {@code msPer<unit>} and {@code eventsPer<unit>} (a reseller's
     * read: {@code "Read"}).
     */
    static ObjectNode json(String phase, long done, String unit) {
        ObjectNode node = Bench.JSON.createObjectNode();
        Map<String, Double> spent = SPENT.get(phase);
        if (spent == null) {
            return node;
        }
        ObjectNode seconds = node.putObject("seconds");
        ObjectNode perDone = done > 0 ? node.putObject("msPer" + unit) : null;
        double total = 0;
        for (String name : Processes.ORDER) {
            Double used = spent.get(name);
            if (used != null) {
                total += used;
                seconds.put(name, round(used, 100));
                if (perDone != null) {
                    perDone.put(name, round(used * 1000 / done, 100));
                }
            }
        }
        seconds.put("total", round(total, 100));
        if (perDone != null) {
            perDone.put("total", round(total * 1000 / done, 100));
        }
        Long events = EVENTS.get(phase);
        if (events != null) {
            node.put("events", events);
            if (done > 0) {
                node.put("eventsPer" + unit, round((double) events / done, 100));
            }
        }
        return node;
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }
}
