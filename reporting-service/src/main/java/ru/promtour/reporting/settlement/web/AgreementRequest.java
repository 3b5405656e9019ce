package ru.promtour.reporting.settlement.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import ru.promtour.reporting.settlement.Agreement;
import ru.promtour.reporting.settlement.Agreements;

/**
 * A new agreement: exactly one of {@code percent} (0–100, up to 2 decimals) and {@code perUnit} (kopecks, capped so
 * no statement figure can overflow).
 *
 * @param programId null: every program of the enterprise
 * @param currency  RUB (the default)
 */
record AgreementRequest(
        @NotNull @PlatformId String operatorId,
        @NotNull @PlatformId String enterpriseId,
        @PlatformId String programId,
        @NotNull Agreement.Model model,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
        @PositiveOrZero @Max(value = 1_000_000_000L, message = "must be at most 1000000000 kopecks (10 million roubles)")
        Long perUnit,
        @Pattern(regexp = "^RUB$", message = "must be RUB") String currency,
        @NotNull LocalDate effectiveFrom) {

    @JsonIgnore
    @AssertTrue(message = "give exactly one of percent and perUnit")
    boolean isOneRate() {
        return (percent == null) != (perUnit == null);
    }

    Agreements.Terms terms() {
        return new Agreements.Terms(operatorId, enterpriseId, programId, model,
                percent == null ? null : percent.movePointRight(2).longValueExact(), perUnit, effectiveFrom);
    }
}
