package ru.promtour.reporting.settlement.web;

import java.math.BigDecimal;
import java.time.Instant;

import ru.promtour.reporting.settlement.Agreement;

/** An agreement as the API shows it: the percentage as a number ({@code 12.50}), money in kopecks. */
record AgreementView(String id, String operatorId, String enterpriseId, String programId, Agreement.Model model,
                     BigDecimal percent, Long perUnit, String currency, String effectiveFrom, Instant createdAt) {

    static AgreementView of(Agreement a) {
        return new AgreementView(a.id(), a.operatorId(), a.enterpriseId(), a.programId(), a.model(), a.percent(),
                a.perUnit(), a.currency(), a.effectiveFrom(), a.createdAt());
    }
}
