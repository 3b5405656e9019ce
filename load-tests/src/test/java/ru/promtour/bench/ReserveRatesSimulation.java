package ru.promtour.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Reserve → ON_HOLD at fixed arrival rates (open model: new requests arrive whatever the answers do), one
 * phase after the other on the big slots: a warm-up, then each rate of {@code bench.rates} through the gateway,
 * then the same rates straight to booking-service with a token like the gateway's (each one's floor).
 */
public class ReserveRatesSimulation extends Simulation {

    static final String WARM_UP = "warm-up 50 req/s";

    private final List<String> phases = new ArrayList<>();

    {
        JsonNode setup = Bench.setup();
        JsonNode program = setup.path("rates");
        List<String> slots = Simulations.slots(program);
        int seconds = Bench.intProperty("bench.phaseSeconds", 30);
        String operatorKey = setup.path("operatorKey").asText();
        HttpProtocolBuilder gateway = Simulations.protocol(Bench.GATEWAY);

        List<PopulationBuilder> chain = new ArrayList<>();
        chain.add(phase(WARM_UP, program, slots, () -> operatorKey, 50, Math.max(5, seconds / 2), gateway));
        int[] rates = Arrays.stream(Bench.property("bench.rates", "50,200,500").split(",")).mapToInt(Integer::parseInt).toArray();
        for (int rate : rates) {
            chain.add(phase("gateway " + rate + " req/s", program, slots, () -> operatorKey, rate, seconds, gateway));
        }
        Supplier<String> token = DirectToken.fresh(setup.path("operatorId").asText(), setup.path("operatorName").asText(),
                setup.path("operatorEmail").asText());
        HttpProtocolBuilder direct = Simulations.protocol(Bench.BOOKING_DIRECT);
        for (int rate : rates) {
            chain.add(phase("direct " + rate + " req/s", program, slots, token, rate, seconds, direct));
        }
        setUp(Simulations.oneAfterAnother(phases, chain));
    }

    private PopulationBuilder phase(String name, JsonNode program, List<String> slots, Supplier<String> bearer, int rate, int seconds,
                                    HttpProtocolBuilder protocol) {
        phases.add(name);
        return scenario(name).exec(Reserve.reserve(name, program, slots, bearer))
                .injectOpen(constantUsersPerSec(rate).during(seconds))
                .protocols(protocol);
    }

    @Override
    public void after() {
        Simulations.writeResult("rates", phases);
    }
}
