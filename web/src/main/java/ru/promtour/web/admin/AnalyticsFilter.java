package ru.promtour.web.admin;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.web.util.UriBuilder;

/**
 * The analytics filter as the form sends it, checked here so a mistyped date or code is answered next to its field
 * without a round trip; what only the reporting service can judge (a period over two years) it still answers.
 *
 * @param groupBy how visitors, fill rate and lead time are grouped (cancellations are always by cause)
 */
record AnalyticsFilter(String from, String to, String region, String industry, String groupBy) {

    static final List<String> GROUPS = List.of("region", "industry", "enterprise", "program", "month", "weekday");

    private static final Pattern REGION = Pattern.compile("^[A-Z]{2}-[A-Z0-9]{1,3}$");
    private static final Pattern INDUSTRY = Pattern.compile("^[A-Z][A-Z_]{1,39}$");
    /** Visit dates are local: the region's own calendar decides what "today" is. */
    private static final ZoneId REGION_ZONE = ZoneId.of("Europe/Moscow");

    /** The form's values, with the last 30 days and the next 30 (visits already booked) when no period is given. */
    static AnalyticsFilter of(String from, String to, String region, String industry, String groupBy) {
        LocalDate today = LocalDate.now(REGION_ZONE);
        return new AnalyticsFilter(blank(from) ? today.minusDays(30).toString() : from.strip(),
            blank(to) ? today.plusDays(30).toString() : to.strip(),
            blank(region) ? "" : region.strip().toUpperCase(Locale.ROOT),
            blank(industry) ? "" : industry.strip().toUpperCase(Locale.ROOT),
            blank(groupBy) ? "region" : groupBy.strip().toLowerCase(Locale.ROOT));
    }

    /** Field name to reason for each field this module can tell is wrong; empty when it may be asked. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && end.isBefore(start)) {
            errors.put("to", "must not be before from");
        }
        if (!region.isEmpty() && !REGION.matcher(region).matches()) {
            errors.put("region", "must be an ISO 3166-2 code such as RU-KLU");
        }
        if (!industry.isEmpty() && !INDUSTRY.matcher(industry).matches()) {
            errors.put("industry", "must be an upper-case code such as CONFECTIONERY");
        }
        if (!GROUPS.contains(groupBy)) {
            errors.put("groupBy", "must be one of " + String.join(", ", GROUPS));
        }
        return errors;
    }

    /** The report's URI at the gateway with this filter, grouped by {@code group} (null: the report has none). */
    URI uri(UriBuilder builder, String report, String group) {
        builder.path("/api/v1/analytics/{report}").queryParam("from", from).queryParam("to", to)
            .queryParamIfPresent("region", Optional.of(region).filter(value -> !value.isEmpty()))
            .queryParamIfPresent("industry", Optional.of(industry).filter(value -> !value.isEmpty()))
            .queryParamIfPresent("groupBy", Optional.ofNullable(group));
        return builder.build(report);
    }

    /** The query of this page with this filter, for links (CSV downloads). */
    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("from", from);
        query.put("to", to);
        query.put("region", region);
        query.put("industry", industry);
        query.put("groupBy", groupBy);
        return query;
    }

    private static LocalDate date(String field, String text, Map<String, String> errors) {
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException ex) {
            errors.put(field, "must be a date such as 2026-12-31");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
