package ru.promtour.reporting.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * What an operator and an enterprise agreed, from a date on: the operator keeps a commission, or the enterprise gets
 * a net amount, as a percentage of the gross or a fixed sum per unit. Never edited: a newer {@code effectiveFrom}
 * supersedes it.
 *
 * @param programId          the one program it is for, or null for every program of the enterprise
 * @param percentBasisPoints the percentage in hundredths (12.5 % = 1250), or null when {@code perUnit} is set
 * @param perUnit            kopecks per unit, or null when {@code percentBasisPoints} is set
 * @param effectiveFrom      {@code yyyy-MM-dd}: the first visit date it applies to (text, so it sorts and compares as
 *                           a date in any time zone)
 */
public record Agreement(String id, String operatorId, String enterpriseId, String programId, Model model,
                        Long percentBasisPoints, Long perUnit, String currency, String effectiveFrom, Instant createdAt,
                        String createdBy) {

    public static final String RUB = "RUB";

    /** Whose share the rate describes. */
    public enum Model {
        /** The operator keeps the rate; the enterprise gets the rest. */
        COMMISSION,
        /** The enterprise gets the rate; the operator keeps the rest. */
        NET
    }

    /** The percentage, e.g. {@code 12.50}, or null for a per-unit rate. */
    public BigDecimal percent() {
        return percentBasisPoints == null ? null : BigDecimal.valueOf(percentBasisPoints, 2);
    }

    /** The operator's commission on a line of {@code gross} kopecks and {@code units} units, half-up to the kopeck. */
    public long commission(long gross, int units) {
        long rated = percentBasisPoints != null ? percentOf(gross, percentBasisPoints) : units * perUnit;
        return model == Model.COMMISSION ? rated : gross - rated;
    }

    /** {@code basisPoints} hundredths of a percent of {@code amount}, half-up to the kopeck. */
    static long percentOf(long amount, long basisPoints) {
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
