package ru.promtour.reporting.settlement;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.promtour.reporting.testdata.ReportingKafka;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.reporting.settlement.SettlementFixture.at;
import static ru.promtour.reporting.settlement.SettlementFixture.line;
import static ru.promtour.reporting.settlement.SettlementFixture.lines;

/**
 * Closing is global: this class alone closes months, 2025-09 and 2025-10 (no other test books visits in them), and
 * 2024-02 for the agreement rule.
 */
class StatementCloseIT extends SettlementITSupport {

    @Test
    void aClosedMonthStaysTheSameAndALateChangeIsAnAdjustmentInTheNextOpenMonth() {
        String operator = SettlementFixture.operatorId();
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-IRK", "ENERGY");
        ReportingKafka.Program program = kafka.program(enterprise, "ГЭС", 70_000, 30_000);
        fixture.agreement(operator, enterprise.id(), null, "COMMISSION", "\"percent\":10", "2025-01-01");
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2025, 9, 20, 11, 0), 60);
        ReportingKafka.Booking kept = kafka.confirmed(slot, operator, 2, 0, at("2025-08-01T09:00:00Z"));
        ReportingKafka.Booking cancelled = kafka.confirmed(slot, operator, 4, 0, at("2025-08-01T09:00:00Z"));
        fixture.awaitProjected(List.of(kept, cancelled), Map.of(program.id(), 1));
        JsonNode before = fixture.statement(TestTokens.operator(operator), "month=2025-09");
        assertThat(before.path("status").asString()).isEqualTo("OPEN");
        assertThat(lines(before)).hasSize(2);

        TestHttp admin = fixture.as(TestTokens.admin());
        JsonNode closed = admin.post("/api/v1/statements/close?month=2025-09", null).assertStatus(200).json();
        assertThat(closed.path("month").asString()).isEqualTo("2025-09");
        assertThat(closed.path("lines").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(admin.post("/api/v1/statements/close?month=2025-09", null).assertStatus(409).contentType())
                .startsWith("application/problem+json");

        // after the close: one booking is cancelled by the supplier (not charged any more), the other marked a
        // no-show (charged the same as the visit it was)
        kafka.cancelled(cancelled, "SUPPLIER", at("2025-09-19T08:00:00Z"), "Паводок");
        kafka.noShow(kept, "NO_ARRIVAL", at("2025-09-20T12:00:00Z"));
        fixture.awaitProjected(List.of(kept, cancelled), Map.of(program.id(), 1));

        JsonNode after = fixture.statement(TestTokens.operator(operator), "month=2025-09");
        assertThat(after.path("status").asString()).isEqualTo("CLOSED");
        assertThat(after.path("closedAt").asString()).isNotEmpty();
        assertThat(withoutIds(after.path("groups"))).isEqualTo(withoutIds(before.path("groups")));
        assertThat(after.path("totals")).isEqualTo(before.path("totals"));

        JsonNode next = fixture.statement(TestTokens.operator(operator), "month=2025-10");
        assertThat(next.path("status").asString()).isEqualTo("OPEN");
        assertThat(lines(next)).as("the no-show costs what the visit did: nothing to adjust").hasSize(1);
        JsonNode adjustment = line(next, cancelled.id());
        assertThat(adjustment.path("kind").asString()).isEqualTo("ADJUSTMENT");
        assertThat(adjustment.path("adjustmentOf").asString()).isEqualTo("2025-09");
        assertThat(adjustment.path("visitDate").asString()).isEqualTo("2025-09-20");
        assertThat(adjustment.path("unitsByType").path("ADULT").asInt()).isEqualTo(-4);
        assertThat(adjustment.path("units").asInt()).isEqualTo(-4);
        assertThat(List.of(adjustment.path("gross").asLong(), adjustment.path("commission").asLong(),
                adjustment.path("net").asLong())).containsExactly(-280_000L, -28_000L, -252_000L);
        StatementIT.assertTotals(next.path("totals"), 0, -4, -280_000, -28_000, -252_000);
        JsonNode enterpriseNext = fixture.statement(TestTokens.enterprise(enterprise.id()), "month=2025-10");
        assertThat(enterpriseNext.path("totals")).isEqualTo(next.path("totals"));

        // closing the month that showed the adjustment freezes it: the month after has nothing left to adjust
        admin.post("/api/v1/statements/close?month=2025-10", null).assertStatus(200);
        JsonNode frozenNext = fixture.statement(TestTokens.operator(operator), "month=2025-10");
        assertThat(frozenNext.path("status").asString()).isEqualTo("CLOSED");
        assertThat(frozenNext.path("totals")).isEqualTo(next.path("totals"));
        assertThat(lines(fixture.statement(TestTokens.operator(operator), "month=2025-11"))).isEmpty();
    }

    @Test
    void onlyAnEndedOpenMonthIsClosedByTheAdminAndAgreementsCannotStartInAClosedMonth() {
        TestHttp admin = fixture.as(TestTokens.admin());
        admin.post("/api/v1/statements/close?month=2999-01", null).assertStatus(409);
        fixture.as(TestTokens.operator("op-close")).post("/api/v1/statements/close?month=2024-02", null).assertStatus(403);
        fixture.as(TestTokens.enterprise("ent-close")).post("/api/v1/statements/close?month=2024-02", null).assertStatus(403);
        admin.post("/api/v1/statements/close?month=2024-13", null).assertStatus(400);
        admin.post("/api/v1/statements/close?month=2024-02", null).assertStatus(200);

        String operator = SettlementFixture.operatorId();
        String enterprise = "ent-" + operator.substring(3);
        TestHttp.Response conflict = admin.post("/api/v1/agreements", "{\"operatorId\":\"" + operator
                + "\",\"enterpriseId\":\"" + enterprise + "\",\"model\":\"NET\",\"percent\":90,\"effectiveFrom\":\"2024-02-15\"}")
                .assertStatus(409);
        assertThat(conflict.text("detail")).contains("2024-02");
    }

    /** The frozen lines carry the ids they were frozen with; everything else is what the open month showed. */
    private static JsonNode withoutIds(JsonNode groups) {
        JsonNode copy = groups.deepCopy();
        copy.valueStream().flatMap(g -> g.path("lines").valueStream()).forEach(l -> ((ObjectNode) l).remove("id"));
        return copy;
    }
}
