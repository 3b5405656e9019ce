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
 * the gateway, repeated on each race slot in turn. Each repetition counts its answers — {@code ON_HOLD},
 * sold out, HTTP 503 — and, once every consumer has caught up ({@link Drain}; the catalog's seat counts are a
 * read model a few ms behind the reserve), reads the slot's counts from the catalog. A repetition passes when
 * exactly 40 answers were {@code ON_HOLD}, 40 seats are held, every other answer was sold out and none a 503.
 */
public class RaceSimulation extends Simulation {

    static final int SEATS = 40;

    private final List<String> phases = new ArrayList<>();
    private final List<String> slots = new ArrayList<>();
    private final int users = Bench.intProperty("bench.raceUsers", 1000);

    {
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("race");
        slots.addAll(Simulations.slots(program));
        String operatorKey = setup.path("operatorKey").asText();
        List<PopulationBuilder> chain = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            String name = String.format("race %02d", i + 1);
            phases.add(name);
            chain.add(scenario(name).exec(Reserve.reserve(name, program, List.of(slots.get(i)), () -> operatorKey))
                    .injectOpen(atOnceUsers(users))
                    .protocols(Simulations.protocol(Bench.GATEWAY)));
        }
        setUp(Simulations.oneAfterAnother(phases, chain));
    }

    @Override
    public void after() {
        Api enterprise = new Api(Bench.GATEWAY, Bench.setup().path("enterpriseKey").asText());
        ObjectNode result = Bench.JSON.createObjectNode();
        Drain.await();  // the catalog's view follows the reserves' events: read it once every consumer has caught up
        for (int i = 0; i < phases.size(); i++) {
            ObjectNode phase = Simulations.phase(phases.get(i));
            JsonNode slot = enterprise.get("/api/v1/slots/" + slots.get(i)).body();
            phase.set("slot", slot);
            phase.set("race", verdict(phase.path("answers"), slot));
            result.set(phases.get(i), phase);
        }
        Bench.writeResult("race", result);
    }

    /** The counts a repetition is judged by, and whether it passed. */
    private ObjectNode verdict(JsonNode answers, JsonNode slot) {
        long onHold = answers.path("ON_HOLD").asLong();
        long soldOut = 0;
        long unavailable = 0;
        long other = 0;
        var kinds = answers.fields();
        while (kinds.hasNext()) {
            var kind = kinds.next();
            if (kind.getKey().contains("SOLD_OUT")) {
                soldOut += kind.getValue().asLong();
            }
            else if (kind.getKey().startsWith("HTTP 503")) {
                unavailable += kind.getValue().asLong();
            }
            else if (!"ON_HOLD".equals(kind.getKey())) {
                other += kind.getValue().asLong();
            }
        }
        int held = slot.path("held").asInt(-1);
        boolean passed = onHold == SEATS && held == SEATS && soldOut == users - SEATS && unavailable == 0;
        return Bench.JSON.createObjectNode().put("onHold", onHold).put("soldOut", soldOut).put("http503", unavailable)
                .put("other", other).put("held", held).put("confirmed", slot.path("confirmed").asInt(-1)).put("passed", passed);
    }
}
