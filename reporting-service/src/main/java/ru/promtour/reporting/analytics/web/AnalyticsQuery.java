package ru.promtour.reporting.analytics.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The query of every analytics report: the period of local visit dates, the filters, the grouping and, for the top
 * programs, how many.
 *
 * @param groupBy null: the report's default
 * @param limit   null: 10
 */
record AnalyticsQuery(
        @NotNull(message = "is required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @NotNull(message = "is required") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        @Pattern(regexp = "^[A-Z]{2}-[A-Z0-9]{1,3}$", message = "must be an ISO 3166-2 code such as RU-KLU") String region,
        @Pattern(regexp = "^[A-Z][A-Z_]{1,39}$", message = "must be an upper-case code such as CONFECTIONERY") String industry,
        @Pattern(regexp = "^[A-Za-z0-9._:-]{1,100}$", message = "must be an enterprise id") String enterpriseId,
        String groupBy,
        @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") Integer limit) {

    String groupByOr(String fallback) {
        return groupBy == null || groupBy.isBlank() ? fallback : groupBy;
    }

    int limitOr10() {
        return limit == null ? 10 : limit;
    }
}
