package ru.promtour.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.Simulation;

/**
 * Past saturation: the closed model again, with {@code bench.overloadFactor} (4) times the saturating client
 * count — the level of {@link SaturationSimulation} with the most {@code ON_HOLD}/s, read from
 * {@code results/saturation.json}. Goodput should hold: its {@code ON_HOLD}/s as a share of the saturation
 * figure (target ≥ 90 %), the excess refused fast (503/429), never parked into {@code PENDING}. Writes
 * {@code results/overload.json}.
 */
public class OverloadSimulation extends Simulation {

    private final String phase;
    private final JsonNode saturating;
    private final String saturatingLevel;
    private final int clients;

    {
        JsonNode saturation = Bench.read(Bench.DIR.resolve("results").resolve("saturation.json"));
        Map.Entry<String, JsonNode> best = best(saturation);
        saturatingLevel = best.getKey();
        saturating = best.getValue();
        int factor = Bench.intProperty("bench.overloadFactor", 4);
        int saturatingClients = saturating.path("clients").asInt();
        clients = factor * saturatingClients;
        phase = factor + " × " + saturatingClients + " = " + clients + " concurrent clients";
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("rates");
        setUp(Simulations.oneAfterAnother(List.of(phase), List.of(SaturationSimulation.closed(phase, program,
                Simulations.slots(program), setup.path("operatorKey").asText(), clients, Bench.intProperty("bench.phaseSeconds", 30)))));
    }

    /** The level with the most {@code ON_HOLD} answers per second. */
    static Map.Entry<String, JsonNode> best(JsonNode saturation) {
        Map.Entry<String, JsonNode> best = null;
        Iterator<Map.Entry<String, JsonNode>> levels = saturation.fields();
        while (levels.hasNext()) {
            Map.Entry<String, JsonNode> level = levels.next();
            if (best == null || level.getValue().path("onHoldPerSecond").asDouble() > best.getValue().path("onHoldPerSecond").asDouble()) {
                best = level;
            }
        }
        if (best == null || !best.getValue().has("clients")) {
            throw new IllegalStateException("results/saturation.json has no closed-model level: run SaturationSimulation first");
        }
        return best;
    }

    @Override
    public void after() {
        ObjectNode node = Simulations.phase(phase);
        double saturationRate = saturating.path("onHoldPerSecond").asDouble();
        node.put("clients", clients).put("saturatingLevel", saturatingLevel).put("saturationOnHoldPerSecond", saturationRate);
        if (saturationRate > 0) {
            node.put("goodputPercent", Math.round(node.path("onHoldPerSecond").asDouble() / saturationRate * 1000) / 10.0);
        }
        ObjectNode result = Bench.JSON.createObjectNode();
        result.set(phase, node);
        Bench.writeResult("overload", result);
    }
}
