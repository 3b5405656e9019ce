package ru.promtour.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The saturation point: a closed model where each of N clients sends its next reserve as soon as the last
 * one is answered, at growing N ({@code bench.saturationUsers}); the highest ON_HOLD rate reached is what
 * the platform can do on this machine, and the N that reached it is the saturating client count that
 * {@link OverloadSimulation} multiplies.
 *
 * <p>{@code bench.saturationResult} names the result file (default {@code saturation}); the suite's scale step
 * writes {@code scale-1} and {@code scale-2} with it, one per count of booking-service instances, and
 * {@code bench.phasePrefix} keeps those phases apart from the main run's in Gatling's reports;
 * {@code bench.warmUpSeconds} (default 0) runs an unmeasured warm-up phase at the highest level first.
 */
public class SaturationSimulation extends Simulation {

    private final Map<String, Integer> clients = new LinkedHashMap<>();

    {
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("rates");
        List<String> slots = Simulations.slots(program);
        int seconds = Bench.intProperty("bench.phaseSeconds", 30);
        String operatorKey = setup.path("operatorKey").asText();
        List<PopulationBuilder> chain = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] levels = Arrays.stream(Bench.property("bench.saturationUsers", "8,32,128").split(",")).mapToInt(Integer::parseInt).toArray();
        int warmUpSeconds = Bench.intProperty("bench.warmUpSeconds", 0);
        if (warmUpSeconds > 0) {
            // a fresh stack's JVMs compile the reserve path for minutes: warm them at the highest level first, unmeasured
            String warmUp = Bench.property("bench.phasePrefix", "") + "warm-up, " + levels[levels.length - 1] + " concurrent clients";
            names.add(warmUp);
            chain.add(closed(warmUp, program, slots, operatorKey, levels[levels.length - 1], warmUpSeconds));
        }
        for (int users : levels) {
            String name = Bench.property("bench.phasePrefix", "") + users + " concurrent clients";
            clients.put(name, users);
            names.add(name);
            chain.add(closed(name, program, slots, operatorKey, users, seconds));
        }
        setUp(Simulations.oneAfterAnother(names, chain));
    }

    /** {@code users} clients, each sending its next reserve through the gateway as soon as the last is answered. */
    static PopulationBuilder closed(String name, JsonNode program, List<String> slots, String operatorKey, int users, int seconds) {
        return scenario(name).exec(Reserve.reserve(name, program, slots, () -> operatorKey))
                .injectClosed(constantConcurrentUsers(users).during(seconds))
                .protocols(Simulations.protocol(Bench.GATEWAY));
    }

    @Override
    public void after() {
        ObjectNode result = Bench.JSON.createObjectNode();
        clients.forEach((phase, users) -> result.set(phase, Simulations.phase(phase).put("clients", users)));
        Bench.writeResult(Bench.property("bench.saturationResult", "saturation"), result);
    }
}
