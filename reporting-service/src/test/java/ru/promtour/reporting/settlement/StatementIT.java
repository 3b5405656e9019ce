package ru.promtour.reporting.settlement;

import java.time.Duration;
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
import static ru.promtour.reporting.settlement.SettlementFixture.line;
import static ru.promtour.reporting.settlement.SettlementFixture.lines;

/**
 * Statements priced from events on the real broker: every agreement model with exact figures, the operator's and the
 * enterprise's views of the same bookings, what is charged (visits, no-shows, late operator cancellations) and what
 * is not, the price list of the booking time, and the CSV export.
 */
class StatementIT extends SettlementITSupport {

    @Test
    void eachAgreementModelGivesExactGrossCommissionAndNetAndBothViewsAgree() {
        String operator = SettlementFixture.operatorId();
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-KLU", "CONFECTIONERY");
        ReportingKafka.Enterprise unagreed = ReportingKafka.Enterprise.fresh("RU-KLU", "CONFECTIONERY");
        ReportingKafka.Program p1 = kafka.program(enterprise, "Зефир", 100_004, 50_000);
        ReportingKafka.Program p2 = kafka.program(enterprise, "Карамель", 80_000, 50_000);
        ReportingKafka.Program p3 = kafka.program(enterprise, "Шоколад", 80_000, 50_000);
        ReportingKafka.Program p4 = kafka.program(enterprise, "Пастила", 80_000, 50_000);
        ReportingKafka.Program p5 = kafka.program(enterprise, "Мармелад", 60_000, 30_000);
        ReportingKafka.Program p6 = kafka.program(unagreed, "Пряники", 50_000, 25_000);
        fixture.agreement(operator, enterprise.id(), null, "COMMISSION", "\"percent\":10", "2025-01-01");
        fixture.agreement(operator, enterprise.id(), p1.id(), "COMMISSION", "\"percent\":20", "2025-01-01");
        String p1Agreement = fixture.agreement(operator, enterprise.id(), p1.id(), "COMMISSION", "\"percent\":12.5", "2025-05-01");
        fixture.agreement(operator, enterprise.id(), p1.id(), "COMMISSION", "\"percent\":30", "2025-06-01");
        fixture.agreement(operator, enterprise.id(), p2.id(), "COMMISSION", "\"perUnit\":5000", "2025-01-01");
        fixture.agreement(operator, enterprise.id(), p3.id(), "NET", "\"percent\":80.33", "2025-01-01");
        fixture.agreement(operator, enterprise.id(), p4.id(), "NET", "\"perUnit\":40000", "2025-01-01");
        LocalDateTime visit = LocalDateTime.of(2025, 5, 14, 10, 0);
        List<ReportingKafka.Booking> bookings = List.of(
                kafka.confirmed(kafka.slot(p1, visit, 40), operator, 1, 2, at("2025-04-01T09:00:00Z")),
                kafka.confirmed(kafka.slot(p2, visit, 40), operator, 3, 10, at("2025-04-01T09:00:00Z")),
                kafka.confirmed(kafka.slot(p3, visit, 40), operator, 1, 1, at("2025-04-01T09:00:00Z")),
                kafka.confirmed(kafka.slot(p4, visit, 40), operator, 2, 3, at("2025-04-01T09:00:00Z")),
                kafka.confirmed(kafka.slot(p5, visit, 40), operator, 2, 0, at("2025-04-01T09:00:00Z")),
                kafka.confirmed(kafka.slot(p6, visit, 40), operator, 3, 0, at("2025-04-01T09:00:00Z")));
        fixture.awaitProjected(bookings, Map.of(p1.id(), 1, p2.id(), 1, p3.id(), 1, p4.id(), 1, p5.id(), 1, p6.id(), 1));

        JsonNode statement = fixture.statement(TestTokens.operator(operator), "month=2025-05");
        assertThat(statement.path("status").asString()).isEqualTo("OPEN");
        assertThat(statement.path("party").path("type").asString()).isEqualTo("OPERATOR");
        assertThat(statement.path("currency").asString()).isEqualTo("RUB");
        // 12.5 % of 200 004 is 25 000.5: half-up to the kopeck
        JsonNode commissionPercent = line(statement, bookings.get(0).id());
        assertThat(commissionPercent.path("kind").asString()).isEqualTo("VISITED");
        assertThat(commissionPercent.path("visitDate").asString()).isEqualTo("2025-05-14");
        assertThat(commissionPercent.path("programTitle").asString()).isEqualTo("Зефир");
        assertThat(commissionPercent.path("supplierReference").asString()).startsWith("PT-");
        assertThat(commissionPercent.path("unitsByType").path("ADULT").asInt()).isEqualTo(1);
        assertThat(commissionPercent.path("unitsByType").path("CHILD").asInt()).isEqualTo(2);
        assertThat(commissionPercent.path("units").asInt()).isEqualTo(3);
        assertMoney(commissionPercent, 200_004, 25_001, 175_003);
        assertThat(commissionPercent.path("agreementId").asString()).as("the latest one in force at the visit").isEqualTo(p1Agreement);
        assertMoney(line(statement, bookings.get(1).id()), 740_000, 65_000, 675_000);
        // net 80.33 % of 130 000 = 104 429
        assertMoney(line(statement, bookings.get(2).id()), 130_000, 25_571, 104_429);
        assertMoney(line(statement, bookings.get(3).id()), 310_000, 110_000, 200_000);
        // no agreement for the program: the enterprise-wide 10 %
        assertMoney(line(statement, bookings.get(4).id()), 120_000, 12_000, 108_000);
        JsonNode none = line(statement, bookings.get(5).id());
        assertMoney(none, 150_000, 0, 150_000);
        assertThat(none.path("agreementId").isNull()).isTrue();
        assertThat(lines(statement)).hasSize(6);
        assertTotals(statement.path("totals"), 6, 28, 1_650_004, 237_572, 1_412_432);

        JsonNode group = group(statement, enterprise.id());
        assertThat(group.path("counterparty").path("name").asString()).isEqualTo(enterprise.name());
        assertTotals(group.path("subtotal"), 5, 25, 1_500_004, 237_572, 1_262_432);

        // the enterprise sees the same bookings from its side: what this operator owes it is the same Σ net
        JsonNode enterpriseView = fixture.statement(TestTokens.enterprise(enterprise.id()), "month=2025-05");
        JsonNode operatorGroup = group(enterpriseView, operator);
        assertThat(operatorGroup.path("lines")).hasSize(5);
        assertThat(operatorGroup.path("subtotal")).isEqualTo(group.path("subtotal"));
        assertThat(fixture.statement(TestTokens.admin(), "month=2025-05&enterpriseId=" + unagreed.id())
                .path("totals").path("net").asLong()).isEqualTo(150_000);
    }

    @Test
    void lateOperatorCancellationsAndNoShowsAreChargedOtherCancellationsAreNot() {
        String operator = SettlementFixture.operatorId();
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-TUL", "WEAPONS");
        ReportingKafka.Program program = kafka.program(enterprise, "Самовары", 80_000, 50_000);
        fixture.agreement(operator, enterprise.id(), null, "COMMISSION", "\"percent\":10", "2025-01-01");
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2025, 6, 11, 12, 0), 60);
        ReportingKafka.Booking late = kafka.confirmed(slot, operator, 2, 0, at("2025-05-01T09:00:00Z"));
        ReportingKafka.Booking early = kafka.confirmed(slot, operator, 2, 0, at("2025-05-01T09:00:00Z"));
        ReportingKafka.Booking bySupplier = kafka.confirmed(slot, operator, 2, 0, at("2025-05-01T09:00:00Z"));
        ReportingKafka.Booking noShow = kafka.confirmed(slot, operator, 1, 4, at("2025-05-01T09:00:00Z"));
        ReportingKafka.Booking visited = kafka.confirmed(slot, operator, 1, 0, at("2025-05-01T09:00:00Z"));
        kafka.cancelled(late, "OPERATOR", slot.start().minus(Duration.ofHours(2)), "Класс заболел");
        kafka.cancelled(early, "OPERATOR", slot.start().minus(Duration.ofDays(3)), "Перенесли");
        kafka.cancelled(bySupplier, "SUPPLIER", slot.start().minus(Duration.ofHours(2)), "Авария на линии");
        kafka.noShow(noShow, "NO_ARRIVAL", slot.start().plus(Duration.ofHours(1)));
        fixture.awaitProjected(List.of(late, early, bySupplier, noShow, visited), Map.of(program.id(), 1));

        JsonNode statement = fixture.statement(TestTokens.operator(operator), "month=2025-06");
        assertThat(lines(statement)).extracting(l -> l.path("bookingId").asString())
                .containsExactlyInAnyOrder(late.id(), noShow.id(), visited.id());
        JsonNode lateLine = line(statement, late.id());
        assertThat(lateLine.path("kind").asString()).isEqualTo("LATE_CANCELLATION");
        assertMoney(lateLine, 160_000, 16_000, 144_000);
        JsonNode noShowLine = line(statement, noShow.id());
        assertThat(noShowLine.path("kind").asString()).isEqualTo("NO_SHOW");
        assertMoney(noShowLine, 280_000, 28_000, 252_000);
        assertThat(line(statement, visited.id()).path("kind").asString()).isEqualTo("VISITED");
        assertTotals(statement.path("totals"), 3, 8, 520_000, 52_000, 468_000);
    }

    @Test
    void aBookingIsPricedAtThePriceListInForceWhenItWasMade() {
        String operator = SettlementFixture.operatorId();
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-SVE", "METALLURGY");
        ReportingKafka.Program program = kafka.program(enterprise, "Домна", 80_000, 50_000);
        kafka.reprice(program, 2, at("2026-02-01T00:00:00Z"), 90_000, 60_000);
        ReportingKafka.Slot slot = kafka.slot(program, LocalDateTime.of(2026, 3, 10, 11, 0), 60);
        ReportingKafka.Booking before = kafka.confirmed(slot, operator, 2, 1, at("2026-01-20T09:00:00Z"));
        ReportingKafka.Booking after = kafka.confirmed(slot, operator, 2, 1, at("2026-02-10T09:00:00Z"));
        ReportingKafka.Slot ahead = kafka.slot(program, LocalDateTime.of(2027, 2, 10, 11, 0), 60);
        ReportingKafka.Booking future = kafka.confirmed(ahead, operator, 1, 0, at("2026-02-10T09:00:00Z"));
        fixture.awaitProjected(List.of(before, after, future), Map.of(program.id(), 2));

        JsonNode statement = fixture.statement(TestTokens.enterprise(enterprise.id()), "month=2026-03");
        assertMoney(line(statement, before.id()), 210_000, 0, 210_000);
        assertMoney(line(statement, after.id()), 240_000, 0, 240_000);
        JsonNode ahead2027 = line(fixture.statement(TestTokens.enterprise(enterprise.id()), "month=2027-02"), future.id());
        assertThat(ahead2027.path("kind").asString()).as("the visit is ahead").isEqualTo("CONFIRMED");
        assertMoney(ahead2027, 90_000, 0, 90_000);
    }

    @Test
    void theCsvHasABomSemicolonsNeutralisedFormulasAndCyrillic() {
        String operator = SettlementFixture.operatorId();
        ReportingKafka.Enterprise enterprise = ReportingKafka.Enterprise.fresh("RU-KLU", "CONFECTIONERY");
        ReportingKafka.Program program = kafka.program(enterprise, "=HYPERLINK(\"http://evil\")", 80_000, 50_000);
        fixture.agreement(operator, enterprise.id(), null, "COMMISSION", "\"percent\":10", "2025-01-01");
        ReportingKafka.Booking booking = kafka.confirmed(kafka.slot(program, LocalDateTime.of(2025, 11, 5, 10, 0), 40),
                operator, 2, 3, at("2025-10-01T09:00:00Z"));
        fixture.awaitProjected(List.of(booking), Map.of(program.id(), 1));

        TestHttp.Response csv = fixture.as(TestTokens.enterprise(enterprise.id()))
                .get("/api/v1/statements?month=2025-11", "Accept", "text/csv").assertStatus(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("statement-" + enterprise.id() + "-2025-11.csv");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<String> rows = csv.body().substring(1).lines().toList();
        assertThat(rows.get(0)).startsWith("Месяц;ID оператора;Оператор;Бронирование;");
        assertThat(rows.get(0)).contains(";Единиц ADULT;Единиц CHILD;Единиц всего;");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).contains(";\"'=HYPERLINK(\"\"http://evil\"\")\";")
                .contains(";" + booking.id() + ";").contains("Оператор " + operator)
                .contains(";2025-11-05;VISITED;;2;3;5;;310000;31000;279000;RUB");
        assertThat(rows.get(2)).contains("Итого по контрагенту").endsWith(";5;1;310000;31000;279000;RUB");
        assertThat(rows.get(3)).startsWith("2025-11;;;Итого;").endsWith(";5;1;310000;31000;279000;RUB");
    }

    private static JsonNode group(JsonNode statement, String counterpartyId) {
        return statement.path("groups").valueStream()
                .filter(g -> counterpartyId.equals(g.path("counterparty").path("id").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no group of " + counterpartyId + " in " + statement));
    }

    private static void assertMoney(JsonNode line, long gross, long commission, long net) {
        assertThat(List.of(line.path("gross").asLong(), line.path("commission").asLong(), line.path("net").asLong()))
                .as("gross, commission, net of %s", line).containsExactly(gross, commission, net);
        assertThat(line.path("currency").asString()).isEqualTo("RUB");
    }

    static void assertTotals(JsonNode totals, int bookings, int units, long gross, long commission, long net) {
        assertThat(List.of(totals.path("bookings").asLong(), totals.path("units").asLong(), totals.path("gross").asLong(),
                totals.path("commission").asLong(), totals.path("net").asLong())).as("totals %s", totals)
                .containsExactly((long) bookings, (long) units, gross, commission, net);
    }
}
