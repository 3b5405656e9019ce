package ru.promtour.reporting.settlement;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.promtour.reporting.testdata.ReportingKafka;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.reporting.settlement.SettlementFixture.at;
import static ru.promtour.reporting.settlement.SettlementFixture.lines;

/** Who sees which statement and agreement, and bad input answered as problem+json with a reason. */
class SettlementAccessIT extends SettlementITSupport {

    @Test
    void anOperatorSeesOnlyItsOwnStatementAnEnterpriseOnlyItsOwnAndTheAdminNamesOneParty() {
        String mine = SettlementFixture.operatorId();
        String theirs = SettlementFixture.operatorId();
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-VLA", "GLASS");
        ReportingKafka.Enterprise other = ReportingKafka.Enterprise.fresh("RU-VLA", "GLASS");
        ReportingKafka.Program program = kafka.program(enterprise, "Хрусталь", 60_000, 30_000);
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2025, 12, 3, 10, 0), 60);
        ReportingKafka.Booking myBooking = kafka.confirmed(slot, mine, 2, 0, at("2025-11-01T09:00:00Z"));
        ReportingKafka.Booking theirBooking = kafka.confirmed(slot, theirs, 1, 0, at("2025-11-01T09:00:00Z"));
        fixture.awaitProjected(List.of(myBooking, theirBooking), Map.of(program.id(), 1));

        JsonNode own = fixture.statement(TestTokens.operator(mine), "month=2025-12");
        assertThat(lines(own)).extracting(l -> l.path("bookingId").asString()).containsExactly(myBooking.id());
        assertThat(fixture.statement(TestTokens.operator(mine), "month=2025-12&operatorId=" + mine)).isEqualTo(own);
        assertForbidden(fixture.as(TestTokens.operator(mine)).get("/api/v1/statements?month=2025-12&operatorId=" + theirs));
        assertForbidden(fixture.as(TestTokens.operator(mine)).get("/api/v1/statements?month=2025-12&enterpriseId=" + enterprise.id()));
        assertForbidden(fixture.as(TestTokens.enterprise(other.id())).get("/api/v1/statements?month=2025-12&enterpriseId=" + enterprise.id()));
        assertForbidden(fixture.as(TestTokens.enterprise(other.id())).get("/api/v1/statements?month=2025-12&operatorId=" + mine,
                "Accept", "text/csv"));
        assertThat(lines(fixture.statement(TestTokens.enterprise(other.id()), "month=2025-12"))).isEmpty();
        assertThat(lines(fixture.statement(TestTokens.enterprise(enterprise.id()), "month=2025-12"))).hasSize(2);

        TestHttp admin = fixture.as(TestTokens.admin());
        assertBadRequest(admin.get("/api/v1/statements?month=2025-12"), "exactly one party");
        assertBadRequest(admin.get("/api/v1/statements?month=2025-12&operatorId=" + mine + "&enterpriseId=" + enterprise.id()),
                "exactly one party");
        assertThat(lines(fixture.statement(TestTokens.admin(), "month=2025-12&enterpriseId=" + enterprise.id()))).hasSize(2);
        assertThat(lines(fixture.statement(TestTokens.admin(), "month=2025-12&operatorId=" + theirs)))
                .extracting(l -> l.path("bookingId").asString()).containsExactly(theirBooking.id());

        assertBadRequest(admin.get("/api/v1/statements?month=2025-13&operatorId=" + mine), "month");
        assertBadRequest(admin.get("/api/v1/statements?operatorId=" + mine), "month");
        assertBadRequest(admin.get("/api/v1/statements?month=2025-12&operatorId=%3Cscript%3E"), "operatorId");
        fixture.as(null).get("/api/v1/statements?month=2025-12").assertStatus(401);
        assertThat(fixture.as(null).get("/v3/api-docs").assertStatus(200).body())
                .contains("/api/v1/statements", "/api/v1/statements/close", "/api/v1/agreements/{id}");
    }

    @Test
    void agreementsAreSetByTheirEnterpriseOrTheAdminAndReadByTheirParties() {
        String operator = SettlementFixture.operatorId();
        String enterprise = "ent-" + operator.substring(3);
        String body = "{\"operatorId\":\"" + operator + "\",\"enterpriseId\":\"" + enterprise
                + "\",\"model\":\"COMMISSION\",\"percent\":15.25,\"effectiveFrom\":\"2099-01-01\"}";
        assertForbidden(fixture.as(TestTokens.operator(operator)).post("/api/v1/agreements", body));
        assertForbidden(fixture.as(TestTokens.enterprise("ent-someone-else")).post("/api/v1/agreements", body));
        JsonNode created = fixture.as(TestTokens.enterprise(enterprise)).post("/api/v1/agreements", body).assertStatus(201).json();
        assertThat(created.path("percent").decimalValue()).isEqualByComparingTo("15.25");
        assertThat(created.path("currency").asString()).isEqualTo("RUB");
        String inForce = fixture.agreement(operator, enterprise, null, "NET", "\"perUnit\":45000", "2025-01-01");

        JsonNode operatorList = fixture.as(TestTokens.operator(operator)).get("/api/v1/agreements").assertStatus(200).json();
        assertThat(operatorList.valueStream().map(a -> a.path("id").asString()))
                .containsExactly(inForce, created.path("id").asString());
        assertThat(fixture.as(TestTokens.operator(SettlementFixture.operatorId())).get("/api/v1/agreements")
                .assertStatus(200).json()).isEmpty();
        assertForbidden(fixture.as(TestTokens.operator(operator)).get("/api/v1/agreements?operatorId=op-other"));
        assertForbidden(fixture.as(TestTokens.enterprise("ent-someone-else")).get("/api/v1/agreements?enterpriseId=" + enterprise));
        assertThat(fixture.as(TestTokens.admin()).get("/api/v1/agreements?enterpriseId=" + enterprise).assertStatus(200).json())
                .hasSize(2);

        String createdId = created.path("id").asString();
        assertThat(fixture.as(TestTokens.operator(operator)).get("/api/v1/agreements/" + createdId).assertStatus(200)
                .text("effectiveFrom")).isEqualTo("2099-01-01");
        fixture.as(TestTokens.operator("op-other")).get("/api/v1/agreements/" + createdId).assertStatus(404);
        fixture.as(TestTokens.enterprise("ent-someone-else")).get("/api/v1/agreements/" + createdId).assertStatus(404);
        fixture.as(TestTokens.admin()).get("/api/v1/agreements/agr-nope").assertStatus(404);

        // deleted only while not in force; another enterprise does not learn it exists
        fixture.as(TestTokens.enterprise("ent-someone-else")).delete("/api/v1/agreements/" + created.path("id").asString())
                .assertStatus(404);
        assertThat(fixture.as(TestTokens.admin()).delete("/api/v1/agreements/" + inForce).assertStatus(409).text("detail"))
                .contains("in force");
        fixture.as(TestTokens.enterprise(enterprise)).delete("/api/v1/agreements/" + created.path("id").asString())
                .assertStatus(204);
        assertThat(fixture.as(TestTokens.admin()).get("/api/v1/agreements?enterpriseId=" + enterprise).json()).hasSize(1);
    }

    @Test
    void badAgreementsAreRejectedWithTheField() {
        TestHttp admin = fixture.as(TestTokens.admin());
        String parties = "\"operatorId\":\"op-bad\",\"enterpriseId\":\"ent-bad\",\"effectiveFrom\":\"2099-01-01\",";
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"COMMISSION\",\"percent\":10,\"perUnit\":100}"), "oneRate");
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"COMMISSION\"}"), "oneRate");
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"COMMISSION\",\"percent\":100.5}"), "percent");
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"COMMISSION\",\"percent\":10.125}"), "percent");
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"COMMISSION\",\"perUnit\":-1}"), "perUnit");
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"GIFT\",\"perUnit\":1}"), "model");
        assertBadRequest(admin.post("/api/v1/agreements", "{" + parties + "\"model\":\"NET\",\"perUnit\":1,\"currency\":\"USD\"}"), "currency");
        assertBadRequest(admin.post("/api/v1/agreements", "{\"operatorId\":\"op-bad\",\"enterpriseId\":\"ent-bad\","
                + "\"effectiveFrom\":\"2099-02-30\",\"model\":\"NET\",\"perUnit\":1}"), "effectiveFrom");
        assertBadRequest(admin.post("/api/v1/agreements", "{\"operatorId\":\"op bad\",\"effectiveFrom\":\"2099-01-01\","
                + "\"model\":\"NET\",\"perUnit\":1}"), "enterpriseId");
        assertBadRequest(admin.post("/api/v1/agreements", "not json"), "body");
        assertBadRequest(admin.get("/api/v1/agreements?enterpriseId=a%20b"), "enterpriseId");
    }

    private static void assertForbidden(TestHttp.Response response) {
        response.assertStatus(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static void assertBadRequest(TestHttp.Response response, String reason) {
        response.assertStatus(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains(reason);
    }
}
