package ru.promtour.reporting.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import ru.promtour.reporting.projection.BookingFact;
import ru.promtour.reporting.projection.ProgramFact;

/**
 * One booking's charge in a month's statement, all money in kopecks. The same record is what a close freezes (with
 * its {@code id}), so a closed month is served from exactly what it showed.
 *
 * @param id           the frozen line's id ({@code <month>:<bookingId>:<kind>}), null on a live line
 * @param month        the statement's month ({@code yyyy-MM}); an adjustment's is the month it appears in
 * @param kind         {@code VISITED}, {@code CONFIRMED}, {@code NO_SHOW}, {@code LATE_CANCELLATION} or
 *                     {@code ADJUSTMENT}
 * @param adjustmentOf the closed month an {@code ADJUSTMENT} corrects, else null
 * @param unitsByType  units per unit type ({@code {"CHILD":25,"ADULT":2}}); an adjustment's are differences
 * @param units        the total of {@code unitsByType}
 * @param gross        Σ units × the unit's price in the price list in force when the booking was made (for a late
 *                     cancellation: the fee's share of it)
 * @param commission   the operator's share under the agreement in force (0 without one)
 * @param net          what the enterprise gets: gross − commission
 * @param agreementId  the agreement applied, null when there is none
 */
public record StatementLine(@JsonInclude(JsonInclude.Include.NON_NULL) String id, String month, String operatorId, String operatorName, String enterpriseId,
                            String enterpriseName, String bookingId, String supplierReference,
                            String resellerReference, String programId, String programTitle, String visitDate,
                            String kind, String adjustmentOf, Map<String, Integer> unitsByType, int units, long gross,
                            long commission, long net, String currency, String agreementId) {

    public static final String VISITED = "VISITED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String NO_SHOW = "NO_SHOW";
    public static final String LATE_CANCELLATION = "LATE_CANCELLATION";
    public static final String ADJUSTMENT = "ADJUSTMENT";
    /** The type of a unit whose event named none (an older producer): counted, priced by its unit id. */
    static final String UNKNOWN_TYPE = "UNKNOWN";

    /**
     * The line a booking is charged with in its visit's month, or empty when it is not charged (not confirmed, or
     * cancelled, declined, expired other than by its operator inside the fee window).
     *
     * @param program    its program's facts, null when the catalog's event has not arrived (priced at 0)
     * @param agreement  the agreement in force for it, null when there is none
     * @param feePercent the late cancellation fee, in percent of the gross
     */
    public static Optional<StatementLine> of(BookingFact booking, ProgramFact program, Agreement agreement,
                                             int feePercent, Instant now) {
        String kind;
        if (booking.confirmed()) {
            kind = booking.noShow() != null ? NO_SHOW
                    : booking.visitStart() != null && !booking.visitStart().isAfter(now) ? VISITED : CONFIRMED;
        }
        else if (booking.lateCancellation()) {
            kind = LATE_CANCELLATION;
        }
        else {
            return Optional.empty();
        }
        List<ProgramFact.UnitPrice> prices = program == null ? List.of()
                : program.pricesAt(booking.bookedAt()).map(ProgramFact.PriceList::units).orElse(List.of());
        Map<String, Integer> byType = new TreeMap<>();
        long gross = 0;
        for (BookingFact.UnitCount unit : booking.unitItems()) {
            byType.merge(unit.type() != null ? unit.type() : UNKNOWN_TYPE, unit.quantity(), Integer::sum);
            gross += unit.quantity() * price(prices, unit);
        }
        int units = booking.unitItems().isEmpty() ? booking.units()
                : byType.values().stream().mapToInt(Integer::intValue).sum();
        long commission = agreement == null ? 0 : agreement.commission(gross, units);
        if (LATE_CANCELLATION.equals(kind)) {
            gross = share(gross, feePercent);
            commission = share(commission, feePercent);
        }
        return Optional.of(new StatementLine(null, booking.visitMonth(), booking.operatorId(), booking.operatorName(),
                booking.enterpriseId(), booking.enterpriseName(), booking.id(), booking.supplierReference(),
                booking.resellerReference(), booking.programId(),
                booking.programTitle() != null ? booking.programTitle() : program == null ? null : program.title(),
                booking.visitDate(), kind, null, byType, units, gross, commission, gross - commission,
                Agreement.RUB, agreement == null ? null : agreement.id()));
    }

    /**
     * The correction of a booking of closed month {@code closedMonth}, shown in {@code month}: its line as computed
     * now ({@code current}, null when it is no longer charged) minus everything frozen for it; empty when nothing
     * differs.
     */
    public static Optional<StatementLine> adjustment(String month, String closedMonth, StatementLine current,
                                                     List<StatementLine> frozen) {
        Map<String, Integer> byType = new TreeMap<>();
        long gross = 0;
        long commission = 0;
        int units = 0;
        if (current != null) {
            current.unitsByType().forEach((type, quantity) -> byType.merge(type, quantity, Integer::sum));
            gross = current.gross();
            commission = current.commission();
            units = current.units();
        }
        for (StatementLine line : frozen) {
            line.unitsByType().forEach((type, quantity) -> byType.merge(type, -quantity, Integer::sum));
            gross -= line.gross();
            commission -= line.commission();
            units -= line.units();
        }
        byType.values().removeIf(quantity -> quantity == 0);
        if (gross == 0 && commission == 0 && units == 0 && byType.isEmpty()) {
            return Optional.empty();
        }
        StatementLine like = current != null ? current : frozen.get(frozen.size() - 1);
        return Optional.of(new StatementLine(null, month, like.operatorId(), like.operatorName(), like.enterpriseId(),
                like.enterpriseName(), like.bookingId(), like.supplierReference(), like.resellerReference(),
                like.programId(), like.programTitle(), like.visitDate(), ADJUSTMENT, closedMonth, byType, units, gross,
                commission, gross - commission, Agreement.RUB, like.agreementId()));
    }

    /** This line as frozen into a closed month: with its id. */
    StatementLine frozenIn(String closedMonth) {
        String suffix = ADJUSTMENT.equals(kind) ? ADJUSTMENT + ":" + adjustmentOf : "LINE";
        return new StatementLine(closedMonth + ":" + bookingId + ":" + suffix, closedMonth, operatorId, operatorName,
                enterpriseId, enterpriseName, bookingId, supplierReference, resellerReference, programId, programTitle,
                visitDate, kind, adjustmentOf, unitsByType, units, gross, commission, net, currency, agreementId);
    }

    private static long price(List<ProgramFact.UnitPrice> prices, BookingFact.UnitCount unit) {
        return prices.stream().filter(p -> p.unitId() != null && p.unitId().equals(unit.unitId())).findFirst()
                .or(() -> prices.stream().filter(p -> p.type() != null && p.type().equals(unit.type())).findFirst())
                .map(ProgramFact.UnitPrice::price).orElse(0L);
    }

    private static long share(long amount, int percent) {
        return percent == 100 ? amount : BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
