package ru.promtour.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/** What the simulations share: the HTTP client settings and running phases one after another. */
final class Simulations {

    private Simulations() {
    }

    /** Shared keep-alive connections, like a tour operator's HTTP client; answers wait up to 30 s. */
    static HttpProtocolBuilder protocol(String baseUrl) {
        return http.baseUrl(baseUrl).shareConnections().acceptHeader("application/json")
                .disableCaching().disableWarmUp();
    }

    /**
     * The next phase starts when every request of the previous one has its answer and the platform's
     * consumers have caught up ({@link Drain}), so no phase pays for another's backlog. Each phase's CPU is read
     * ({@link CpuUse}) from that settled start to the settled end after it, so it includes the work its
     * reserves cause after their answers. {@code names} are the phases' names, in the order of {@code phases}.
     */
    static PopulationBuilder oneAfterAnother(List<String> names, List<PopulationBuilder> phases) {
        // a.andThen(b).andThen(c) would start b and c together after a: nest from the end instead
        int last = phases.size() - 1;
        PopulationBuilder chain = settle(names.get(last), null);
        for (int i = last; i >= 0; i--) {
            chain = settle(i == 0 ? null : names.get(i - 1), names.get(i)).andThen(phases.get(i).andThen(chain));
        }
        return chain;
    }

    /** One virtual user that blocks until the consumers have caught up, then reads the CPU times; nothing else runs meanwhile. */
    static PopulationBuilder settle(String ended, String next) {
        return scenario(next == null ? "settle after " + ended : "settle before " + next)
                .exec(session -> {
                    Drain.await();
                    if (ended != null) {
                        CpuUse.ended(ended);
                    }
                    if (next != null) {
                        CpuUse.started(next);
                    }
                    return session;
                })
                .injectOpen(atOnceUsers(1))
                .protocols(http);
    }

    /** The slot ids of a program in {@code setup.json}. */
    static List<String> slots(JsonNode program) {
        List<String> slots = new ArrayList<>();
        program.path("slots").forEach(slot -> slots.add(slot.asText()));
        return slots;
    }

    /** Each phase's {@link Outcomes} and {@link CpuUse} as {@code results/<name>.json}. */
    static void writeResult(String name, List<String> phases) {
        ObjectNode result = Bench.JSON.createObjectNode();
        phases.forEach(phase -> result.set(phase, phase(phase)));
        Bench.writeResult(name, result);
    }

    /** One phase's answers, latencies and throughput, with the CPU each process spent per {@code ON_HOLD}. */
    static ObjectNode phase(String phase) {
        Outcomes outcomes = Outcomes.of(phase);
        ObjectNode node = outcomes.json();
        node.set("cpu", CpuUse.json(phase, outcomes.count("ON_HOLD")));
        return node;
    }

    /** Waiting for the platform to settle between measurements (not inside a measured path). */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
