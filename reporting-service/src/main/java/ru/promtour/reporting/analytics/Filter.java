package ru.promtour.reporting.analytics;

import java.time.LocalDate;

/**
 * Which visits a report counts: local visit dates {@code from}..{@code to} (inclusive), optionally one region
 * (ISO 3166-2, e.g. {@code RU-KLU}), one industry and one enterprise (an enterprise's own reports always set it).
 */
public record Filter(LocalDate from, LocalDate to, String region, String industry, String enterpriseId) {

    public boolean matches(String region, String industry, String enterpriseId) {
        return (this.region == null || this.region.equals(region))
                && (this.industry == null || this.industry.equals(industry))
                && (this.enterpriseId == null || this.enterpriseId.equals(enterpriseId));
    }
}
