package ru.promtour.bench;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The race: {@code bench.raceUsers} (1,000) reserves of one seat sent at once at one 40-seat slot through
 * the gateway, repeated on each race slot in turn. Afterwards each slot's own counts are read from the
 * catalog (once its queue has drained): exactly 40 held, never more, whatever the answers said.
 */
public class RaceSimulation extends Simulation {

    private final List<String> phases = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();

    {
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("race");
        slots.addAll(Simulations.slots(program));
        int users = Bench.intProperty("bench.raceUsers", 1000);
        String operatorKey = setup.path("operatorKey").asText();
        List<PopulationBuilder> chain = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String name = String.format("race %02d", i + 1);
            phases.add(name);
            chain.add(scenario(name).exec(Reserve.reserve(name, program, List.of(slots.get(i)), operatorKey))
                    .injectOpen(atOnceUsers(users))
                    .protocols(Simulations.protocol(Bench.GATEWAY)));
        }
        setUp(Simulations.oneAfterAnother(chain));
    }

    @Override
    public void after() {
        Api enterprise = new Api(Bench.GATEWAY, Bench.setup().path("enterpriseKey").asText());
        ObjectNode result = Bench.JSON.createObjectNode();
        for (int i = 0; i < phases.size(); i++) {
            ObjectNode phase = Outcomes.of(phases.get(i)).json();
            phase.set("slot", settled(enterprise, slots.get(i)));
            result.set(phases.get(i), phase);
        }
        Bench.writeResult("race", result);
    }

    /** The slot's counts once the catalog has answered every request (it answers after the HTTP waits end). */
    private static JsonNode settled(Api enterprise, String slot) {
        Drain.await();
        return enterprise.get("/api/v1/slots/" + slot).body();
    }
}
