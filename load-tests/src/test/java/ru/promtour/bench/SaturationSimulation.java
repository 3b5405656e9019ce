package ru.promtour.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The saturation point: a closed model where each of N clients sends its next reserve as soon as the last
 * one is answered, at growing N ({@code bench.saturationUsers}); the highest ON_HOLD rate reached is what
 * the platform can do on this machine.
 */
public class SaturationSimulation extends Simulation {

    private final List<String> phases = new ArrayList<>();

    {
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("rates");
        List<String> slots = Simulations.slots(program);
        int seconds = Bench.intProperty("bench.phaseSeconds", 30);
        String operatorKey = setup.path("operatorKey").asText();
        List<PopulationBuilder> chain = new ArrayList<>();
        for (int users : Arrays.stream(Bench.property("bench.saturationUsers", "8,32,128").split(",")).mapToInt(Integer::parseInt).toArray()) {
            String name = users + " concurrent clients";
            phases.add(name);
            chain.add(scenario(name).exec(Reserve.reserve(name, program, slots, operatorKey))
                    .injectClosed(constantConcurrentUsers(users).during(seconds))
                    .protocols(Simulations.protocol(Bench.GATEWAY)));
        }
        setUp(Simulations.oneAfterAnother(chain));
    }

    @Override
    public void after() {
        Simulations.writeResult("saturation", phases);
    }
}
