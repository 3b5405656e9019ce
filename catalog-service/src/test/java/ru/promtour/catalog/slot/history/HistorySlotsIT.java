package ru.promtour.catalog.slot.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/excursions/{id}/history-slots}: the admin's import of past slots, with broker and store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class HistorySlotsIT {

    @LocalServerPort
    int port;

    private Api admin;
    private Api enterprise;
    private String excursionId;

    @BeforeEach
    void publishedProgram() {
        FakeLedger.get();   // reads catalog.slots.v1: the events the import emits
        enterprise = Api.newEnterprise("http://localhost:" + port, "Europe/Moscow");
        admin = enterprise.as(TestTokens.admin());
        excursionId = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        TestHttp.Response published = enterprise.post("/api/v1/excursions/" + excursionId + "/publish", null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    private TestHttp.Response importSlots(Api caller, String slotsJson) {
        return caller.post("/api/v1/excursions/" + excursionId + "/history-slots", "{\"slots\":" + slotsJson + "}");
    }

    private static String daysAgo(int days) {
        return LocalDate.now().minusDays(days) + "T10:00";
    }

    @Test
    void theAdminImportsPastSlotsThatGoOutAsOrdinarySlotPublishedEvents() {
        TestHttp.Response imported = importSlots(admin, """
                [{"localStart":"%s","capacity":30},{"localStart":"%s","capacity":12}]""".formatted(daysAgo(40), daysAgo(33)));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(imported.json().path("existing").asInt()).isZero();
        JsonNode first = imported.json().path("slots").path(0);
        assertThat(first.path("status").asString()).isEqualTo("CREATED");
        assertThat(first.path("slotId").asString()).startsWith("slot-");
        String slotId = first.path("slotId").asString();

        JsonNode slot = admin.get("/api/v1/slots/" + slotId).json();
        assertThat(slot.path("start").asString()).isEqualTo(LocalDate.now().minusDays(40) + "T10:00:00+03:00");
        assertThat(slot.path("capacity").asInt()).isEqualTo(30);
        assertThat(slot.path("status").asString()).isEqualTo("OPEN");

        FakeLedger.Event published = FakeLedger.get().awaitEvent(slotId, "catalog.SlotPublished.v1", 1);
        Contracts.assertMatchesSchema("catalog.SlotPublished.v1", published.body().toString());
        Instant start = Instant.parse(published.body().path("start").asString());
        // start − the program's 2 h cut-off: long past, so the seat ledger opens the slot closed to reserves
        assertThat(Instant.parse(published.body().path("cutoffAt").asString())).isEqualTo(start.minusSeconds(2 * 3600));
        assertThat(published.body().path("capacity").asInt()).isEqualTo(30);
    }

    @Test
    void aRepeatedImportReportsTheExistingSlotsAndCreatesNothing() {
        String body = """
                [{"localStart":"%s","capacity":30},{"localStart":"%s","capacity":30}]""".formatted(daysAgo(20), daysAgo(19));
        TestHttp.Response first = importSlots(admin, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        TestHttp.Response again = importSlots(admin, body);

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("existing").asInt()).isEqualTo(2);
        assertThat(again.json().path("slots").path(1).path("status").asString()).isEqualTo("EXISTING");
        assertThat(ids(again)).isEqualTo(ids(first));
        JsonNode listed = admin.get("/api/v1/excursions/" + excursionId + "/slots?from=%s&to=%s"
                .formatted(LocalDate.now().minusDays(21), LocalDate.now().minusDays(18))).json();
        assertThat(listed.size()).isEqualTo(2);
    }

    @Test
    void aStartThatHasASlotKeepsItAsItWas() {
        TestHttp.Response first = importSlots(admin, "[{\"localStart\":\"%s\",\"capacity\":5}]".formatted(daysAgo(3)));
        String slotId = first.json().path("slots").path(0).path("slotId").asString();

        TestHttp.Response again = importSlots(admin, "[{\"localStart\":\"%s\",\"capacity\":50}]".formatted(daysAgo(3)));

        assertThat(again.json().path("slots").path(0).path("slotId").asString()).isEqualTo(slotId);
        assertThat(admin.get("/api/v1/slots/" + slotId).json().path("capacity").asInt()).as("unchanged").isEqualTo(5);
    }

    @Test
    void onlyTheAdminImports() {
        String body = "[{\"localStart\":\"%s\",\"capacity\":30}]".formatted(daysAgo(10));

        TestHttp.Response byOwner = importSlots(enterprise, body);
        TestHttp.Response byOperator = importSlots(enterprise.as(TestTokens.operator("op-history")), body);

        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(403);
        assertThat(byOwner.header("Content-Type")).contains("application/problem+json");
        assertThat(byOperator.status()).as(byOperator.toString()).isEqualTo(403);
        assertThat(admin.get("/api/v1/excursions/" + excursionId + "/slots?from=%s&to=%s"
                .formatted(LocalDate.now().minusDays(10), LocalDate.now().minusDays(10))).json().size()).isZero();
    }

    @Test
    void badInputIsA400NamingTheField() {
        String future = LocalDate.now().plusDays(3) + "T10:00";
        assertBadRequest(importSlots(admin, "[{\"localStart\":\"%s\",\"capacity\":30},{\"localStart\":\"%s\",\"capacity\":30}]"
                .formatted(daysAgo(5), future)), "slots[1].localStart");
        assertBadRequest(importSlots(admin, "[{\"localStart\":\"%s\",\"capacity\":0}]".formatted(daysAgo(5))), "slots[0].capacity");
        assertBadRequest(importSlots(admin, "[{\"capacity\":10}]"), "slots[0].localStart");
        assertBadRequest(importSlots(admin, "[]"), "slots");
        assertBadRequest(importSlots(admin, "[{\"localStart\":\"1990-05-01T10:00\",\"capacity\":10}]"), "slots[0].localStart");
        assertBadRequest(importSlots(admin, "[{\"localStart\":\"yesterday\",\"capacity\":10}]"), "slots[0].localStart");
        String tooMany = IntStream.range(0, 501).mapToObj(i -> "{\"localStart\":\"%s\",\"capacity\":1}"
                .formatted(LocalDate.now().minusDays(600).plusDays(i) + "T10:00")).collect(Collectors.joining(",", "[", "]"));
        assertBadRequest(importSlots(admin, tooMany), "slots");
        // nothing of a refused call is written (the valid past start of the first call included)
        assertThat(admin.get("/api/v1/excursions/" + excursionId + "/slots?from=%s&to=%s"
                .formatted(LocalDate.now().minusDays(5), LocalDate.now().minusDays(5))).json().size()).isZero();
    }

    @Test
    void aProgramNotPublishedTakesNoHistory() {
        String draft = enterprise.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");

        TestHttp.Response refused = admin.post("/api/v1/excursions/" + draft + "/history-slots",
                "{\"slots\":[{\"localStart\":\"%s\",\"capacity\":30}]}".formatted(daysAgo(10)));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("published");
        assertThat(admin.post("/api/v1/excursions/exc-unknown/history-slots",
                "{\"slots\":[{\"localStart\":\"%s\",\"capacity\":30}]}".formatted(daysAgo(10))).status()).isEqualTo(404);
    }

    private static List<String> ids(TestHttp.Response response) {
        return response.json().path("slots").valueStream().map(s -> s.path("slotId").asString()).toList();
    }

    private static void assertBadRequest(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .as(response.toString()).contains(field);
    }
}
