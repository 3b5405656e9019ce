package ru.promtour.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ru.promtour.e2e.fuzz.ApiOperation;
import ru.promtour.e2e.fuzz.Findings;
import ru.promtour.e2e.fuzz.Fuzzer;
import ru.promtour.e2e.fuzz.RequestGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fuzzes every JSON operation of each service's OpenAPI document through the gateway (issue 15, §3): generated
 * requests, valid-ish and mutated, with the key of a tenant the route is for; no answer may be a 5xx, leak a stack
 * trace or a class name, or be a 4xx outside its route's error format ({@link ru.promtour.e2e.fuzz.ErrorShape}).
 * Every finding is written to {@code target/fuzz/findings/}, each service's figures to {@code target/fuzz/summary-*.json}.
 * <p>
 * In {@code ./mvnw verify} this is a smoke run of {@code fuzz.requests} (default 300) requests per service; the
 * bounded run of docs/reliability.md ("Fuzzing") sets {@code -Dfuzz.requests=10000}. {@code fuzz.seed} (printed)
 * makes a run's requests reproducible; {@code fuzz.threads} (default 4) the concurrency.
 */
class FuzzIT {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 300);
    private static final int THREADS = Integer.getInteger("fuzz.threads", 4);
    private static final long SEED = Long.getLong("fuzz.seed", 20261215L);
    /** Keys per tenant: the gateway limits each key per route, the fuzzer paces each under its limit. */
    private static final int KEYS = 6;

    static Platform platform;
    static Fuzzer fuzzer;
    static Findings findings;

    @BeforeAll
    static void tenantsAndObjects() {
        platform = Platform.get();
        Client admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        CatalogScenarioIT.admin = admin;
        String enterpriseId = "ent-fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> enterpriseKeys = new ArrayList<>(List.of(CatalogScenarioIT.enterprise(enterpriseId, "Asia/Irkutsk")));
        Client.Response operator = admin.post("/admin/operators", Map.of("name", "Фазз-Тур",
                "email", "fuzz@" + enterpriseId + ".example", "phone", "+79025550199"));
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);
        List<String> operatorKeys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            operatorKeys.add(CatalogScenarioIT.keyFor("OPERATOR", operator.at("/id")));
            if (i > 0) {
                enterpriseKeys.add(CatalogScenarioIT.keyFor("ENTERPRISE", enterpriseId));
            }
        }

        // live objects, so that requests naming them get past the lookups to the checks behind them
        Client enterprise = new Client(platform.gatewayUrl(), enterpriseKeys.get(0));
        Client.Response program = enterprise.post("/api/v1/excursions", CatalogScenarioIT.program());
        assertThat(program.status()).as(program.toString()).isEqualTo(201);
        String product = program.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + product + "/publish", null).status()).isEqualTo(200);
        Client.Response slot = enterprise.post("/api/v1/excursions/" + product + "/slots",
                Map.of("localStart", LocalDate.now().plusDays(5) + "T10:00", "capacity", 2000));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        Client octo = new Client(platform.gatewayUrl(), operatorKeys.get(0));
        List<String> units = octo.get("/octo/products/" + product).json().at("/options/0/units").findValuesAsText("id");
        String uuid = UUID.randomUUID().toString();
        Map<String, Object> reserve = Map.of("uuid", uuid, "productId", product, "optionId", "DEFAULT",
                "availabilityId", slot.at("/id"), "unitItems", List.of(Map.of("unitId", units.get(0))));
        await("the booking service knows the new product").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> octo.post("/octo/bookings", reserve).status() == 200);
        Client.Response webhook = octo.post("/octo/webhooks", Map.of("url", "http://127.0.0.1:9/fuzz-hooks", "event", "booking_update"));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        String[] bookingId = new String[1];
        await("the enterprise sees the booking").atMost(Duration.ofSeconds(20)).until(() -> {
            Client.Response list = enterprise.get("/api/v1/bookings?slotId=" + slot.at("/id"));
            bookingId[0] = list.status() == 200 ? list.json().path(0).path("id").asText("") : "";
            return !bookingId[0].isEmpty();
        });

        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("product", List.of(product));
        ids.put("slot", List.of(slot.at("/id")));
        ids.put("unit", units);
        ids.put("bookingUuid", List.of(uuid));
        ids.put("bookingId", List.of(bookingId[0]));
        ids.put("enterprise", List.of(enterpriseId));
        ids.put("webhook", List.of(webhook.at("/id")));
        findings = new Findings(Path.of(System.getProperty("fuzz.dir", "target/fuzz")));
        fuzzer = new Fuzzer(platform.gatewayUrl(), new Fuzzer.Callers(Platform.ADMIN_KEY, enterpriseKeys, operatorKeys),
                new RequestGenerator(ids), findings, SEED);
        System.out.printf("Fuzzing with seed %d (-Dfuzz.seed=%d reproduces the requests), %d requests per service%n",
                SEED, SEED, REQUESTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog", "booking", "notification"})
    void noGeneratedRequestGetsA5xxALeakOrAnErrorOutsideItsRoutesFormat(String service) throws IOException, InterruptedException {
        JsonNode document = Client.JSON.readTree(new Client(platform.gatewayUrl(), null).get("/v3/api-docs/" + service).text());
        List<ApiOperation> operations = ApiOperation.read(service, document).stream()
                .filter(o -> !o.path().startsWith("/v3/") && !o.path().startsWith("/actuator"))
                .toList();
        assertThat(operations).as(service + " operations").hasSizeGreaterThan(5);

        Fuzzer.Result result = fuzzer.run(service, operations, REQUESTS, THREADS);

        System.out.printf("Fuzzed %s: %d requests over %d operations in %.1f s, seed %d, answers %s, 5xx %d, findings %d%n",
                service, result.requests(), operations.size(), result.millis() / 1000.0, SEED, result.statuses(),
                result.fiveXx(), result.findings());
        result.groups().forEach((group, count) -> System.out.printf("  %5d × %s%n", count, group));
        assertThat(result.groups()).as("findings of %s (seed %d), each in %s", service, SEED,
                findings.dir().resolve("findings").toAbsolutePath()).isEmpty();
    }
}
