package ru.promtour.reporting.settlement;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProgramFact;

import static org.assertj.core.api.Assertions.assertThat;

/** The pricing of one line, the agreement in force and the adjustment arithmetic, without a store. */
class StatementLineTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant VISIT = Instant.parse("2025-05-14T07:00:00Z");
    private static final ProgramFact PROGRAM = new ProgramFact("exc-1", "ent-1", "Завод", "RU-KLU", "FOOD", "Зефир",
            "PUBLISHED", 2, Map.of(
                    "1", new ProgramFact.PriceList(1, Instant.parse("2025-01-01T00:00:00Z"), List.of(
                            new ProgramFact.UnitPrice("adult", "ADULT", 100_001, "RUB"),
                            new ProgramFact.UnitPrice("child", "CHILD", 50_000, "RUB"))),
                    "2", new ProgramFact.PriceList(2, Instant.parse("2025-04-15T00:00:00Z"), List.of(
                            new ProgramFact.UnitPrice("adult", "ADULT", 120_000, "RUB"),
                            new ProgramFact.UnitPrice("child", "CHILD", 60_000, "RUB")))));

    @Test
    void aNetPercentageIsRoundedHalfUpOnTheLineAndTheCommissionIsTheRest() {
        // 33.33 % of 100 001 = 33 330.3333 → 33 330 for the enterprise
        StatementLine line = StatementLine.of(booking("CONFIRMED", 1, 0), PROGRAM, agreement(Agreement.Model.NET, 3333L, null,
                null, "2025-01-01"), 100, NOW).orElseThrow();
        assertThat(List.of(line.gross(), line.commission(), line.net())).containsExactly(100_001L, 66_671L, 33_330L);
        assertThat(line.kind()).isEqualTo(StatementLine.VISITED);
        assertThat(line.unitsByType()).containsExactly(Map.entry("ADULT", 1));
    }

    @Test
    void theListInForceWhenBookedPricesTheUnitsByIdElseByType() {
        BookingFact booked = with(booking("CONFIRMED", 2, 3), Instant.parse("2025-04-20T00:00:00Z"),
                List.of(new BookingFact.UnitCount("adult", "ADULT", 2), new BookingFact.UnitCount("kid", "CHILD", 3)));
        StatementLine line = StatementLine.of(booked, PROGRAM, null, 100, NOW).orElseThrow();
        assertThat(line.gross()).isEqualTo(2 * 120_000 + 3 * 60_000);
        assertThat(line.agreementId()).isNull();
        assertThat(line.net()).isEqualTo(line.gross());
        assertThat(StatementLine.of(booked, null, null, 100, NOW)).hasValueSatisfying(unpriced ->
                assertThat(unpriced.gross()).as("the program's event has not arrived").isZero());
    }

    @Test
    void aLateCancellationIsChargedTheFeesShareOfGrossAndCommission() {
        BookingFact late = cancelled("OPERATOR", VISIT.minusSeconds(3600));
        StatementLine line = StatementLine.of(late, PROGRAM, agreement(Agreement.Model.COMMISSION, null, 10_001L, null,
                "2025-01-01"), 50, NOW).orElseThrow();
        assertThat(line.kind()).isEqualTo(StatementLine.LATE_CANCELLATION);
        // gross 200 002 → 100 001; commission 2 × 10 001 = 20 002 → 10 001
        assertThat(List.of(line.gross(), line.commission(), line.net())).containsExactly(100_001L, 10_001L, 90_000L);
        assertThat(StatementLine.of(cancelled("OPERATOR", VISIT.minusSeconds(3 * 86_400)), PROGRAM, null, 50, NOW)).isEmpty();
        assertThat(StatementLine.of(cancelled("SUPPLIER", VISIT.minusSeconds(3600)), PROGRAM, null, 50, NOW)).isEmpty();
        assertThat(StatementLine.of(booking("DECLINED", 2, 0), PROGRAM, null, 50, NOW)).isEmpty();
        assertThat(StatementLine.of(booking("EXPIRED", 2, 0), PROGRAM, null, 50, NOW)).isEmpty();
    }

    @Test
    void theAgreementInForceIsTheProgramsLatestFromBeforeTheVisitElseTheEnterprisesElseNone() {
        BookingFact booking = booking("CONFIRMED", 1, 0);
        Agreement wide = agreement(Agreement.Model.COMMISSION, 1000L, null, null, "2025-05-01");
        Agreement oldProgram = agreement(Agreement.Model.COMMISSION, 2000L, null, "exc-1", "2024-01-01");
        Agreement onTheDay = agreement(Agreement.Model.COMMISSION, 2500L, null, "exc-1", "2025-05-14");
        Agreement later = agreement(Agreement.Model.COMMISSION, 3000L, null, "exc-1", "2025-05-15");
        Agreement otherOperator = new Agreement("x", "op-2", "ent-1", "exc-1", Agreement.Model.NET, 5000L, null, "RUB",
                "2025-05-10", NOW, "ADMIN:admin");
        assertThat(Agreements.inForce(List.of(wide, oldProgram, onTheDay, later, otherOperator), booking)).contains(onTheDay);
        assertThat(Agreements.inForce(List.of(wide, oldProgram), booking)).contains(oldProgram);
        assertThat(Agreements.inForce(List.of(wide, later), booking)).contains(wide);
        assertThat(Agreements.inForce(List.of(later, otherOperator), booking)).isEmpty();
    }

    @Test
    void anAdjustmentIsNowMinusEverythingFrozenAndNothingWhenTheyAgree() {
        StatementLine frozen = StatementLine.of(booking("CONFIRMED", 2, 1), PROGRAM, null, 100, NOW).orElseThrow();
        assertThat(StatementLine.adjustment("2025-06", "2025-05", frozen, List.of(frozen))).isEmpty();
        StatementLine adjustment = StatementLine.adjustment("2025-06", "2025-05", null, List.of(frozen)).orElseThrow();
        assertThat(adjustment.kind()).isEqualTo(StatementLine.ADJUSTMENT);
        assertThat(adjustment.adjustmentOf()).isEqualTo("2025-05");
        assertThat(adjustment.month()).isEqualTo("2025-06");
        assertThat(adjustment.unitsByType()).containsExactlyInAnyOrderEntriesOf(Map.of("ADULT", -2, "CHILD", -1));
        assertThat(List.of(adjustment.gross(), adjustment.net())).containsExactly(-250_002L, -250_002L);
        // once that adjustment is frozen too, nothing is left to adjust
        assertThat(StatementLine.adjustment("2025-07", "2025-05", null, List.of(frozen, adjustment))).isEmpty();
    }

    private static Agreement agreement(Agreement.Model model, Long basisPoints, Long perUnit, String programId,
                                       String from) {
        return new Agreement("agr-" + model + basisPoints + perUnit + programId + from, "op-1", "ent-1", programId,
                model, basisPoints, perUnit, "RUB", from, NOW, "ADMIN:admin");
    }

    private static BookingFact booking(String status, int adults, int children) {
        List<BookingFact.UnitCount> units = children == 0 ? List.of(new BookingFact.UnitCount("adult", "ADULT", adults))
                : List.of(new BookingFact.UnitCount("adult", "ADULT", adults), new BookingFact.UnitCount("child", "CHILD", children));
        return new BookingFact("b-1", 1, List.of("e-1"), status, VISIT, "op-1", "Оператор", "ent-1", "Завод", "exc-1",
                "Зефир", "slot-1", VISIT, "Europe/Moscow", "2025-05-14", "2025-05", adults + children, units,
                Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"), null, null, null, 24,
                null, false, "PT-1", "R-1", null, NOW);
    }

    private static BookingFact with(BookingFact b, Instant bookedAt, List<BookingFact.UnitCount> units) {
        return new BookingFact(b.id(), b.revision(), b.appliedEvents(), b.status(), b.lastEventAt(), b.operatorId(),
                b.operatorName(), b.enterpriseId(), b.enterpriseName(), b.programId(), b.programTitle(), b.slotId(),
                b.visitStart(), b.timeZone(), b.visitDate(), b.visitMonth(), b.units(), units, bookedAt,
                b.confirmedAt(), b.cancelledAt(), b.cancelledBy(), b.cancelReason(), b.cancellationCutoffHours(),
                b.noShow(), b.imported(), b.supplierReference(), b.resellerReference(), b.routeBookingId(), b.receivedAt());
    }

    private static BookingFact cancelled(String by, Instant at) {
        BookingFact b = booking("CANCELLED", 2, 0);
        return new BookingFact(b.id(), b.revision(), b.appliedEvents(), b.status(), b.lastEventAt(), b.operatorId(),
                b.operatorName(), b.enterpriseId(), b.enterpriseName(), b.programId(), b.programTitle(), b.slotId(),
                b.visitStart(), b.timeZone(), b.visitDate(), b.visitMonth(), b.units(), b.unitItems(), b.bookedAt(),
                b.confirmedAt(), at, by, "Причина", b.cancellationCutoffHours(), b.noShow(), b.imported(),
                b.supplierReference(), b.resellerReference(), b.routeBookingId(), b.receivedAt());
    }
}
