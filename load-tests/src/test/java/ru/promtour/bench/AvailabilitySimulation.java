package ru.promtour.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * What a reseller's polling costs: OCTO {@code POST /octo/availability} for a week of the benchmark's program
 * (a random start within its slots' days), through the gateway with the operator's key, by {@code bench.availabilityUsers}
 * clients (default 16) each asking again as soon as it has its answer, after a warm-up phase of the same shape.
 * The measured phase's CPU per answered read is the figure the capacity plan multiplies by the resellers' polling
 * rate ({@code docs/capacity.md}).
 */
public class AvailabilitySimulation extends Simulation {

    static final String ANSWERED = "AVAILABILITY";

    private final String phase;

    {
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("rates");
        LocalDate from = LocalDate.parse(setup.path("ratesFrom").asText());
        int days = Math.max(1, setup.path("ratesDays").asInt(7));
        int users = Bench.intProperty("bench.availabilityUsers", 16);
        int seconds = Bench.intProperty("bench.phaseSeconds", 30);
        // the rest of the suite never asks for availability: its code paths get a phase of their own to compile first
        String warmUp = "availability warm-up, " + users + " concurrent clients";
        phase = "availability, " + users + " concurrent clients";
        String operatorKey = setup.path("operatorKey").asText();
        String productId = program.path("productId").asText();
        setUp(Simulations.oneAfterAnother(List.of(warmUp, phase), List.of(
                polls(warmUp, operatorKey, productId, from, days, users, seconds),
                polls(phase, operatorKey, productId, from, days, users, seconds))));
    }

    private PopulationBuilder polls(String name, String operatorKey, String productId, LocalDate from, int days, int users, int seconds) {
        return scenario(name)
                .exec(session -> session.remove("status").remove("rt"))
                .exec(http(name).post("/octo/availability")
                        .header("Authorization", "Bearer " + operatorKey)
                        .header("Content-Type", "application/json")
                        .body(StringBody(session -> week(productId, from.plusDays(ThreadLocalRandom.current().nextInt(days)))))
                        .check(status().saveAs("status"), responseTimeInMillis().saveAs("rt"))
                        .check(status().is(200), jsonPath("$[0].id").exists()))
                .exec(session -> record(name, session))
                .injectClosed(constantConcurrentUsers(users).during(seconds))
                .protocols(Simulations.protocol(Bench.GATEWAY));
    }

    private static String week(String productId, LocalDate start) {
        try {
            return Bench.JSON.writeValueAsString(Map.of("productId", productId, "optionId", "DEFAULT",
                    "localDateStart", start.toString(), "localDateEnd", start.plusDays(6).toString()));
        }
        catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Session record(String name, Session session) {
        String kind = !session.contains("status") ? "no answer (connection or timeout)"
                : session.getInt("status") == 200 ? ANSWERED : "HTTP " + session.getInt("status");
        Outcomes.of(name).record(session.contains("rt") ? session.getLong("rt") : -1, kind);
        return session;
    }

    /** {@code results/availability.json}: the phase's answers and latencies, reads/s, and CPU per answered read ({@code msPerRead}). */
    @Override
    public void after() {
        Outcomes outcomes = Outcomes.of(phase);
        ObjectNode node = outcomes.json(ANSWERED, "readsPerSecond");
        node.set("cpu", CpuUse.json(phase, outcomes.count(ANSWERED), "Read"));
        ObjectNode result = Bench.JSON.createObjectNode();
        result.set(phase, node);
        Bench.writeResult("availability", result);
    }
}
