package ru.promtour.catalog.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.RouteData;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.infra.TestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static ru.promtour.catalog.testdata.RouteData.leg;
import static ru.promtour.catalog.testdata.RouteData.route;

/**
 * The route API end to end on the real broker and store: two Kaluga enterprises (Moscow time) publish the issue's
 * 90-minute program each; the admin and operators define routes over them; each tenant sees what it may.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class RouteApiIT {

    private static KafkaConsumer<String, String> consumer;
    private static final Map<String, List<ConsumerRecord<String, String>>> byKey = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    Api admin;
    Api fruzhe;
    Api cheese;
    Api operator;
    Api otherOperator;
    String operatorId;
    String marshmallow;
    String cheeseTour;

    @BeforeAll
    static void subscribe() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-route-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of("catalog.excursions.v1"));
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @BeforeEach
    void setUp() {
        String base = "http://localhost:" + port;
        admin = new Api(base, TestTokens.admin());
        fruzhe = Api.newEnterprise(base, "Europe/Moscow");
        cheese = Api.newEnterprise(base, "Europe/Moscow");
        marshmallow = RouteData.publishedProgram(fruzhe);
        cheeseTour = RouteData.publishedProgram(cheese);
        operatorId = "op-" + UUID.randomUUID();
        operator = admin.as(TestTokens.operator(operatorId));
        otherOperator = admin.as(TestTokens.operator("op-" + UUID.randomUUID()));
    }

    private String kaluga() {
        return route("Калуга промышленная", leg(marshmallow, "09:00", "12:00", 0), leg(cheeseTour, "13:00", "16:00", 40));
    }

    private static List<String> ids(TestHttp.Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().path("items").findValuesAsString("id");
    }

    @Test
    void theAdminsRouteDescribesEachLegAndEveryOperatorAndTheEnterprisesOfItsProgramsSeeIt() {
        TestHttp.Response created = admin.post("/api/v1/routes", kaluga());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(id).startsWith("route-");
        assertThat(created.header("Location")).isEqualTo("/api/v1/routes/" + id);
        JsonNode route = created.json();
        assertThat(route.path("title").asString()).isEqualTo("Калуга промышленная");
        assertThat(route.path("region").asString()).isEqualTo("RU-KLU");
        assertThat(route.path("ownerOperatorId").isNull()).isTrue();
        assertThat(route.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(route.path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(route.path("createdAt").asString()).isNotBlank();
        JsonNode second = route.path("legs").path(1);
        assertThat(second.path("position").asInt()).isEqualTo(2);
        assertThat(second.path("excursionId").asString()).isEqualTo(cheeseTour);
        assertThat(second.path("enterpriseId").asString()).isEqualTo(cheese.get("/api/v1/excursions/" + cheeseTour).text("enterpriseId"));
        assertThat(second.path("title").asString()).isEqualTo("Как рождается зефир");
        assertThat(second.path("earliestLocalTime").asString()).isEqualTo("13:00");
        assertThat(second.path("latestLocalTime").asString()).isEqualTo("16:00");
        assertThat(second.path("transferMinutes").asInt()).isEqualTo(40);
        assertThat(second.path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(second.path("meetingPoint").asString()).isEqualTo("Проходная №1");
        assertThat(second.path("minAge").asInt()).isEqualTo(7);
        assertThat(second.path("rules").path("ppe").asString()).isEqualTo("Халат и шапочка выдаются");
        assertThat(route.path("legs").path(0).path("transferMinutes").asInt()).isZero();

        for (Api reader : List.of(admin, operator, otherOperator, fruzhe, cheese)) {
            TestHttp.Response read = reader.get("/api/v1/routes/" + id);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(route);
        }
        Api stranger = Api.newEnterprise("http://localhost:" + port, "Europe/Moscow");
        TestHttp.Response notIncluded = stranger.get("/api/v1/routes/" + id);
        assertThat(notIncluded.status()).isEqualTo(404);
        assertThat(notIncluded.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/routes/route-unknown").status()).isEqualTo(404);

        assertThat(ids(operator.get("/api/v1/routes?region=RU-KLU&size=100"))).contains(id);
        assertThat(ids(fruzhe.get("/api/v1/routes"))).containsExactly(id);
        assertThat(ids(stranger.get("/api/v1/routes"))).isEmpty();
        assertThat(ids(admin.get("/api/v1/routes?region=RU-MOW&size=100"))).doesNotContain(id);
    }

    @Test
    void anOperatorsRouteIsItsOwnOnlyItAndTheAdminChangeIt() {
        String adminsRoute = admin.post("/api/v1/routes", kaluga()).text("id");
        TestHttp.Response created = operator.post("/api/v1/routes", kaluga());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("ownerOperatorId")).isEqualTo(operatorId);

        assertThat(otherOperator.get("/api/v1/routes/" + id).status()).as("another operator's: as unknown").isEqualTo(404);
        assertThat(ids(otherOperator.get("/api/v1/routes?size=100"))).contains(adminsRoute).doesNotContain(id);
        assertThat(ids(operator.get("/api/v1/routes?size=100"))).contains(adminsRoute, id);
        assertThat(ids(admin.get("/api/v1/routes?size=100"))).contains(adminsRoute, id);
        assertThat(ids(cheese.get("/api/v1/routes"))).containsExactly(id, adminsRoute);

        assertThat(otherOperator.put("/api/v1/routes/" + id, kaluga()).status()).isEqualTo(404);
        assertThat(operator.put("/api/v1/routes/" + adminsRoute, kaluga()).status()).as("sees it, may not change it").isEqualTo(403);
        assertThat(fruzhe.put("/api/v1/routes/" + adminsRoute, kaluga()).status()).isEqualTo(403);
        assertThat(fruzhe.post("/api/v1/routes", kaluga()).status()).as("enterprises do not define routes").isEqualTo(403);

        TestHttp.Response changed = operator.put("/api/v1/routes/" + id,
                kaluga().replace("Калуга промышленная", "Калуга вкусная").replace("\"16:00\"", "\"17:00\""));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.text("title")).isEqualTo("Калуга вкусная");
        assertThat(changed.json().path("version").asInt()).isEqualTo(2);
        assertThat(changed.json().path("legs").path(1).path("latestLocalTime").asString()).isEqualTo("17:00");
        assertThat(changed.text("ownerOperatorId")).isEqualTo(operatorId);

        TestHttp.Response withdrawn = admin.send("DELETE", "/api/v1/routes/" + id, null);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.text("status")).isEqualTo("WITHDRAWN");
        assertThat(operator.send("DELETE", "/api/v1/routes/" + id, null).text("status")).as("idempotent").isEqualTo("WITHDRAWN");
        assertThat(operator.get("/api/v1/routes/" + id).text("status")).as("kept, not deleted").isEqualTo("WITHDRAWN");
        assertThat(operator.put("/api/v1/routes/" + id, kaluga()).status()).isEqualTo(409);
    }

    @Test
    void theAdminMayNameTheOwnerAnOperatorOnlyItself() {
        String named = kaluga().replace("\"region\"", "\"ownerOperatorId\":\"" + operatorId + "\",\"region\"");
        TestHttp.Response byAdmin = admin.post("/api/v1/routes", named);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(byAdmin.text("ownerOperatorId")).isEqualTo(operatorId);
        assertThat(operator.get("/api/v1/routes/" + byAdmin.text("id")).status()).isEqualTo(200);
        assertThat(otherOperator.get("/api/v1/routes/" + byAdmin.text("id")).status()).isEqualTo(404);

        TestHttp.Response byOther = otherOperator.post("/api/v1/routes", named);
        assertThat(byOther.status()).as(byOther.toString()).isEqualTo(400);
        assertThat(byOther.json().path("errors").findValuesAsString("field")).containsExactly("ownerOperatorId");
    }

    @Test
    void everySaveAndTheWithdrawalArePublishedWithTheWholeRoute() {
        String id = operator.post("/api/v1/routes", kaluga()).text("id");
        operator.put("/api/v1/routes/" + id, kaluga().replace("\"12:00\"", "\"11:00\""));
        operator.send("DELETE", "/api/v1/routes/" + id, null);

        List<ConsumerRecord<String, String>> events = awaitEvents(id, 3);
        assertThat(events).extracting(r -> header(r, "ce_type"))
                .containsExactly("catalog.RouteSaved.v1", "catalog.RouteSaved.v1", "catalog.RouteWithdrawn.v1");
        for (ConsumerRecord<String, String> record : events) {
            assertThat(record.key()).isEqualTo(id);
            assertThat(header(record, "ce_subject")).isEqualTo(id);
            assertThat(header(record, "ce_source")).isEqualTo("/catalog-service");
            Contracts.assertMatchesSchema(header(record, "ce_type"), record.value());
        }
        JsonNode saved = Api.JSON.readTree(events.get(1).value());
        assertThat(saved.path("version").asInt()).isEqualTo(2);
        assertThat(saved.path("ownerOperatorId").asString()).isEqualTo(operatorId);
        assertThat(saved.path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(saved.path("legs").findValuesAsString("excursionId")).containsExactly(marshmallow, cheeseTour);
        assertThat(saved.path("legs").path(0).path("latestLocalTime").asString()).isEqualTo("11:00");
        assertThat(saved.path("legs").path(1).path("meetingPoint").asString()).isEqualTo("Проходная №1");
        assertThat(Api.JSON.readTree(events.get(2).value()).path("version").asInt()).isEqualTo(3);
    }

    static Stream<Arguments> refusals() {
        String a = "{a}";
        String b = "{b}";
        return Stream.of(
                arguments("earliest after latest", route("R", leg(a, "12:00", "09:00", 0), leg(b, "13:00", "16:00", 0)), List.of("legs[0].latestLocalTime")),
                arguments("not HH:mm", route("R", leg(a, "9:00", "12:00", 0), leg(b, "13:00", "24:00", 0)), List.of("legs[0].earliestLocalTime", "legs[1].latestLocalTime")),
                arguments("another region", route("R", leg(a, "09:00", "12:00", 0), leg(b, "13:00", "16:00", 0)).replace("RU-KLU", "RU-MOW"), List.of("legs[0].excursionId", "legs[1].excursionId")),
                arguments("unknown program", route("R", leg(a, "09:00", "12:00", 0), leg("exc-unknown", "13:00", "16:00", 0)), List.of("legs[1].excursionId")),
                arguments("draft program", route("R", leg(a, "09:00", "12:00", 0), leg("{draft}", "13:00", "16:00", 0)), List.of("legs[1].excursionId")),
                arguments("the same program twice", route("R", leg(a, "09:00", "12:00", 0), leg(a, "13:00", "16:00", 0)), List.of("legs[1].excursionId")),
                arguments("another time zone", route("R", leg(a, "09:00", "12:00", 0), leg("{irkutsk}", "13:00", "16:00", 0)), List.of("legs[1].excursionId")),
                arguments("one leg", route("R", leg(a, "09:00", "12:00", 0)), List.of("legs")),
                arguments("seven legs", route("R", RouteData.legs(a, b, a, b, a, b, a)), List.of("legs")),
                arguments("a transfer before the first leg", route("R", leg(a, "09:00", "12:00", 30), leg(b, "13:00", "16:00", 0)), List.of("legs[0].transferMinutes")),
                arguments("a transfer over 600 min", route("R", leg(a, "09:00", "12:00", 0), leg(b, "13:00", "16:00", 601)), List.of("legs[1].transferMinutes")),
                arguments("a window nobody reaches", route("R", leg(a, "10:00", "12:00", 0), leg(b, "09:00", "11:30", 30)), List.of("legs[1].latestLocalTime")),
                arguments("no title", route("", leg(a, "09:00", "12:00", 0), leg(b, "13:00", "16:00", 0)), List.of("title")),
                arguments("a title over 200 chars", route("Т".repeat(201), leg(a, "09:00", "12:00", 0), leg(b, "13:00", "16:00", 0)), List.of("title")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anInvalidRouteIsA400NamingEachField(String why, String body, List<String> fields) {
        String draft = fruzhe.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        String irkutsk = RouteData.publishedProgram(Api.newEnterprise("http://localhost:" + port, "Asia/Irkutsk"));
        String resolved = body.replace("{a}", marshmallow).replace("{b}", cheeseTour).replace("{draft}", draft)
                .replace("{irkutsk}", irkutsk);

        for (Api caller : List.of(admin, operator)) {
            TestHttp.Response refused = caller.post("/api/v1/routes", resolved);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").findValuesAsString("field")).as(refused.body())
                    .containsExactlyInAnyOrderElementsOf(fields);
        }
        String id = operator.post("/api/v1/routes", kaluga()).text("id");
        TestHttp.Response put = operator.put("/api/v1/routes/" + id, resolved);
        assertThat(put.status()).as("a PUT is checked alike: " + put).isEqualTo(400);
    }

    private static List<ConsumerRecord<String, String>> awaitEvents(String key, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r ->
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
            return byKey.getOrDefault(key, List.of()).size() >= count;
        });
        return byKey.get(key);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
