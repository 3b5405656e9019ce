package ru.promtour.catalog;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.test.contracts.Contracts;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.infra.TestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The enterprise API end to end, with the real broker and store: program → publish → schedule → events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class EnterpriseApiIT {

    private static KafkaConsumer<String, String> consumer;
    private static final Map<String, List<ConsumerRecord<String, String>>> byKey = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    Api admin;

    @BeforeAll
    static void subscribe() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
        consumer = new KafkaConsumer<>(props);
        consumer.subscribe(java.util.regex.Pattern.compile("catalog\\.(excursions|slots)\\.v1"));
    }

    @AfterAll
    static void close() {
        consumer.close();
    }

    @BeforeEach
    void setUp() {
        admin = new Api("http://localhost:" + port, TestTokens.admin());
    }

    private Api registerEnterprise(String timeZone) {
        String id = CatalogData.uniqueEnterpriseId();
        TestHttp.Response created = admin.post("/api/v1/enterprises", CatalogData.enterprise(id, timeZone));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(id);
        return admin.as(TestTokens.enterprise(id));
    }

    @Test
    void anEnterpriseCreatesTheIssuesProgramPublishesItSchedulesSlotsAndListsThemWithLocalOffsets() {
        Api enterprise = registerEnterprise("Asia/Irkutsk");

        TestHttp.Response created = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("DRAFT");
        assertThat(created.json().path("units").path(0).path("id").asString()).isEqualTo("adult");
        String excursionId = created.text("id");

        TestHttp.Response published = enterprise.post("/api/v1/excursions/" + excursionId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");

        int year = LocalDate.now().getYear() + 1;
        TestHttp.Response schedule = enterprise.post("/api/v1/excursions/" + excursionId + "/schedules", """
                {"daysOfWeek":["MONDAY","WEDNESDAY"],"times":["10:00","15:30"],"from":"%d-03-01","to":"%d-03-14","capacity":40}
                """.formatted(year, year));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        int count = schedule.json().path("created").asInt();
        assertThat(count).isEqualTo(schedule.json().path("slotIds").size()).isGreaterThanOrEqualTo(8);

        TestHttp.Response again = enterprise.post("/api/v1/excursions/" + excursionId + "/schedules", """
                {"daysOfWeek":["MONDAY","WEDNESDAY"],"times":["10:00","15:30"],"from":"%d-03-01","to":"%d-03-14","capacity":40}
                """.formatted(year, year));
        assertThat(again.json().path("created").asInt()).as("idempotent").isZero();
        assertThat(again.json().path("skipped").asInt()).isEqualTo(count);

        TestHttp.Response list = enterprise.get("/api/v1/excursions/" + excursionId + "/slots?from=%d-03-01&to=%d-03-14".formatted(year, year));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(count);
        JsonNode first = list.json().path(0);
        assertThat(first.path("start").asString()).endsWith("T10:00:00+08:00");
        assertThat(first.path("utcStart").asString()).endsWith("T02:00:00Z");
        assertThat(first.path("timeZone").asString()).isEqualTo("Asia/Irkutsk");
        assertThat(first.path("available").asInt()).isEqualTo(40);
        assertThat(first.path("status").asString()).isEqualTo("OPEN");

        String slotId = first.path("id").asString();
        List<ConsumerRecord<String, String>> excursionEvents = awaitEvents(excursionId, 1);
        assertCloudEvent(excursionEvents.get(0), "catalog.ExcursionPublished.v1", excursionId);
        assertCloudEvent(awaitEvents(slotId, 1).get(0), "catalog.SlotPublished.v1", slotId);
    }

    @Test
    void aSingleSlotAnswersItsStartWithTheEnterprisesOffsetAndItsCounts() {
        Api enterprise = registerEnterprise("Europe/Kaliningrad");
        String excursionId = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        int year = LocalDate.now().getYear() + 1;

        TestHttp.Response slot = enterprise.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%d-12-01T10:00\",\"capacity\":40}".formatted(year));

        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        assertThat(slot.text("start")).isEqualTo(year + "-12-01T10:00:00+02:00");
        assertThat(slot.json().path("capacity").asInt()).isEqualTo(40);
        assertThat(slot.json().path("held").asInt()).isZero();
        assertThat(slot.json().path("confirmed").asInt()).isZero();
        assertThat(slot.json().path("available").asInt()).isEqualTo(40);
        assertThat(enterprise.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%d-12-01T10:00\",\"capacity\":40}".formatted(year)).status()).as("same start").isEqualTo(409);
    }

    @Test
    void capacityCannotGoBelowHeldPlusConfirmedAndEveryChangeIsDecidedByTheLedgerAndPublished() {
        FakeLedger ledger = FakeLedger.get();
        Api enterprise = registerEnterprise("Europe/Moscow");
        String excursionId = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        String slotId = enterprise.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%d-06-01T10:00\",\"capacity\":40}".formatted(LocalDate.now().getYear() + 1)).text("id");
        ledger.holdSeen(enterprise, slotId, 10);

        TestHttp.Response tooLow = enterprise.patch("/api/v1/slots/" + slotId, "{\"capacity\":9}");
        assertThat(tooLow.status()).as(tooLow.toString()).isEqualTo(409);
        assertThat(tooLow.contentType()).startsWith("application/problem+json");
        assertThat(tooLow.text("detail")).contains("held + confirmed = 10");
        assertThat(tooLow.json().path("held").asInt()).isEqualTo(10);

        TestHttp.Response ok = enterprise.patch("/api/v1/slots/" + slotId, "{\"capacity\":10}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().path("available").asInt()).isZero();

        assertThat(enterprise.post("/api/v1/slots/" + slotId + "/close", "{\"reason\":\"Ремонт\"}").text("status")).isEqualTo("CLOSED");
        assertThat(enterprise.post("/api/v1/slots/" + slotId + "/reopen", null).text("status")).isEqualTo("OPEN");
        TestHttp.Response cancelled = enterprise.post("/api/v1/slots/" + slotId + "/cancel", "{\"reason\":\"Авария на линии\"}");
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(enterprise.post("/api/v1/slots/" + slotId + "/reopen", null).status()).isEqualTo(409);
        assertThat(enterprise.post("/api/v1/slots/" + slotId + "/close", null).status()).isEqualTo(409);

        // the refused PATCH never left the catalog; each other change went to the ledger, then came its fact
        List<ConsumerRecord<String, String>> events = awaitEvents(slotId, 9);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly("catalog.SlotPublished.v1",
                "catalog.SlotChangeRequested.v1", "catalog.SlotCapacityChanged.v1",
                "catalog.SlotChangeRequested.v1", "catalog.SlotClosed.v1",
                "catalog.SlotChangeRequested.v1", "catalog.SlotReopened.v1",
                "catalog.SlotChangeRequested.v1", "catalog.SlotCancelled.v1");
        events.forEach(r -> assertCloudEvent(r, header(r, "ce_type"), slotId));
        assertThat(events.stream().filter(r -> header(r, "ce_type").equals("catalog.SlotChangeRequested.v1"))
                .map(r -> Api.JSON.readTree(r.value()).path("change").asString()))
                .containsExactly("CAPACITY", "CLOSE", "REOPEN", "CANCEL");
        JsonNode cancelEvent = Api.JSON.readTree(events.get(8).value());
        assertThat(cancelEvent.path("affectedBookingIds").size()).isEqualTo(1);
        assertThat(cancelEvent.path("reason").asString()).isEqualTo("Авария на линии");
    }

    @Test
    void publishingAnIncompleteProgramIs422NamingWhatIsMissingAndUpdatesOfPublishedProgramsArePublished() {
        Api enterprise = registerEnterprise("Europe/Moscow");
        String noUnits = CatalogData.ISSUE_EXCURSION.replaceFirst("\"units\":\\[.*?\\],", "\"units\":[],");
        String excursionId = enterprise.post("/api/v1/excursions", noUnits).text("id");

        TestHttp.Response refused = enterprise.post("/api/v1/excursions/" + excursionId + "/publish", null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("errors").path(0).path("field").asString()).isEqualTo("units");

        assertThat(enterprise.put("/api/v1/excursions/" + excursionId, CatalogData.ISSUE_EXCURSION).status()).isEqualTo(200);
        assertThat(enterprise.post("/api/v1/excursions/" + excursionId + "/publish", null).status()).isEqualTo(200);
        assertThat(enterprise.put("/api/v1/excursions/" + excursionId, noUnits).status()).as("must stay complete").isEqualTo(422);
        TestHttp.Response updated = enterprise.put("/api/v1/excursions/" + excursionId,
                CatalogData.ISSUE_EXCURSION.replace("\"maxUnits\":40", "\"maxUnits\":30"));
        assertThat(updated.json().path("maxUnits").asInt()).isEqualTo(30);
        assertThat(enterprise.post("/api/v1/excursions/" + excursionId + "/unpublish", null).text("status")).isEqualTo("UNPUBLISHED");

        List<ConsumerRecord<String, String>> events = awaitEvents(excursionId, 3);
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly("catalog.ExcursionPublished.v1",
                "catalog.ExcursionUpdated.v1", "catalog.ExcursionUnpublished.v1");
        events.forEach(r -> assertCloudEvent(r, header(r, "ce_type"), excursionId));
        assertThat(Api.JSON.readTree(events.get(1).value()).path("excursion").path("maxUnits").asInt()).isEqualTo(30);
    }

    @Test
    void aChangedBookingCutoffMovesTheCutoffOfTheProgramsSlotsAndPublishesEachOnce() {
        FakeLedger.get();
        Api enterprise = registerEnterprise("Asia/Irkutsk");
        String excursionId = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        int year = LocalDate.now().getYear() + 1;
        String slotId = enterprise.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%d-12-01T10:00\",\"capacity\":40}".formatted(year)).text("id");
        Instant start = Instant.parse(year + "-12-01T02:00:00Z");
        JsonNode published = Api.JSON.readTree(awaitEvents(slotId, 1).get(0).value());
        assertThat(published.path("cutoffAt").asString()).as("2 h before").isEqualTo(start.minus(Duration.ofHours(2)).toString());

        TestHttp.Response same = enterprise.put("/api/v1/excursions/" + excursionId,
                CatalogData.ISSUE_EXCURSION.replace("\"maxUnits\":40", "\"maxUnits\":30"));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        String twoDays = CatalogData.ISSUE_EXCURSION.replace("\"bookingCutoffHours\":2", "\"bookingCutoffHours\":48");
        TestHttp.Response later = enterprise.put("/api/v1/excursions/" + excursionId, twoDays);
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        assertThat(enterprise.put("/api/v1/excursions/" + excursionId, twoDays).status()).as("saved again").isEqualTo(200);

        // a later change of the slot is the barrier: every event before it was published
        assertThat(enterprise.post("/api/v1/slots/" + slotId + "/close", null).text("status")).isEqualTo("CLOSED");

        List<ConsumerRecord<String, String>> events = awaitEvents(slotId, 4);
        assertThat(events).extracting(r -> header(r, "ce_type")).as("a draft's slots follow too; unchanged: no event")
                .containsExactly("catalog.SlotPublished.v1", "catalog.SlotCutoffChanged.v1",
                        "catalog.SlotChangeRequested.v1", "catalog.SlotClosed.v1");
        assertCloudEvent(events.get(1), "catalog.SlotCutoffChanged.v1", slotId);
        JsonNode moved = Api.JSON.readTree(events.get(1).value());
        String twoDaysBefore = start.minus(Duration.ofHours(48)).toString();
        assertThat(moved.path("cutoffAt").asString()).isEqualTo(twoDaysBefore);
        assertThat(moved.path("previousCutoffAt").asString()).isEqualTo(start.minus(Duration.ofHours(2)).toString());
        assertThat(moved.path("version").asLong()).isEqualTo(2);
        assertThat(moved.path("start").asString()).isEqualTo(start.toString());
        assertThat(Api.JSON.readTree(events.get(3).value()).path("cutoffAt").asString()).isEqualTo(twoDaysBefore);
    }

    @Test
    void mineListsOnlyTheCallersProgramsPaged() {
        Api enterprise = registerEnterprise("Europe/Moscow");
        for (int i = 0; i < 3; i++) {
            enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION);
        }
        TestHttp.Response page = enterprise.get("/api/v1/excursions?mine&page=0&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("items").size()).isEqualTo(2);
        assertThat(page.json().path("total").asInt()).isEqualTo(3);
        assertThat(enterprise.get("/api/v1/excursions?mine&page=1&size=2").json().path("items").size()).isEqualTo(1);
    }

    @Test
    void aClientSuppliedEnterpriseIdThatIsTakenIs409() {
        String id = CatalogData.uniqueEnterpriseId();
        assertThat(admin.post("/api/v1/enterprises", CatalogData.enterprise(id, "Europe/Moscow")).status()).isEqualTo(201);
        TestHttp.Response again = admin.post("/api/v1/enterprises", CatalogData.enterprise(id, "Europe/Moscow"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        TestHttp.Response generated = admin.post("/api/v1/enterprises", CatalogData.enterprise(id, "Europe/Moscow").replace("\"id\":\"" + id + "\",", ""));
        assertThat(generated.text("id")).startsWith("ent-");
    }

    private static List<ConsumerRecord<String, String>> awaitEvents(String key, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r ->
                    byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
            return byKey.getOrDefault(key, List.of()).size() >= count;
        });
        return byKey.get(key);
    }

    private static void assertCloudEvent(ConsumerRecord<String, String> record, String type, String key) {
        assertThat(record.key()).isEqualTo(key);
        assertThat(header(record, "ce_type")).isEqualTo(type);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_source")).isEqualTo("/catalog-service");
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_subject")).isEqualTo(key);
        Contracts.assertMatchesSchema(type, record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
