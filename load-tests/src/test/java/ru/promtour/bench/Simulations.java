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
     * consumers have caught up ({@link Drain}), so no phase pays for another's backlog.
     */
    static PopulationBuilder oneAfterAnother(List<PopulationBuilder> phases) {
        // a.andThen(b).andThen(c) would start b and c together after a: nest from the end instead
        PopulationBuilder chain = phases.get(phases.size() - 1);
        for (int i = phases.size() - 2; i >= 0; i--) {
            chain = phases.get(i).andThen(settle(i).andThen(chain));
        }
        return chain;
    }

    /** One virtual user that blocks until the consumers have caught up; nothing else runs meanwhile. */
    static PopulationBuilder settle(int after) {
        return scenario("settle after phase " + (after + 1))
                .exec(session -> {
                    Drain.await();
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

    /** Each phase's {@link Outcomes} as {@code results/<name>.json}. */
    static void writeResult(String name, List<String> phases) {
        ObjectNode result = Bench.JSON.createObjectNode();
        phases.forEach(phase -> result.set(phase, Outcomes.of(phase).json()));
        Bench.writeResult(name, result);
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
