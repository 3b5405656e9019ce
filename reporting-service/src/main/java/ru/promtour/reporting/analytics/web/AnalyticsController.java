package ru.promtour.reporting.analytics.web;

import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import ru.promtour.reporting.analytics.Analytics;
import ru.promtour.reporting.analytics.Dimension;
import ru.promtour.reporting.analytics.Filter;
import ru.promtour.reporting.analytics.ReportTables;
import ru.promtour.reporting.analytics.Reports.CancellationsRow;
import ru.promtour.reporting.analytics.Reports.FillRateRow;
import ru.promtour.reporting.analytics.Reports.LeadTimeRow;
import ru.promtour.reporting.analytics.Reports.Report;
import ru.promtour.reporting.analytics.Reports.TopProgramRow;
import ru.promtour.reporting.analytics.Reports.VisitorsRow;
import ru.promtour.reporting.csv.CsvTable;
import ru.promtour.security.tenant.CurrentTenant;
import ru.promtour.security.tenant.Tenant;

/**
 * Tourist-flow analytics: the admin (the regional tourism office) over every enterprise, an enterprise over its own
 * (operators: 403, path rule). Each report answers JSON, or CSV for {@code Accept: text/csv}; the query is
 * {@link AnalyticsQuery} ({@code from}, {@code to}, {@code region}, {@code industry}, {@code enterpriseId},
 * {@code groupBy}, {@code limit}).
 */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    static final String CSV = "text/csv";

    private static final Set<Dimension> VISIT_GROUPS = EnumSet.of(Dimension.REGION, Dimension.INDUSTRY,
            Dimension.ENTERPRISE, Dimension.PROGRAM, Dimension.MONTH, Dimension.WEEKDAY);
    private static final Set<Dimension> SLOT_GROUPS = EnumSet.of(Dimension.REGION, Dimension.INDUSTRY,
            Dimension.ENTERPRISE, Dimension.PROGRAM, Dimension.MONTH, Dimension.WEEKDAY, Dimension.SLOT);
    private static final Set<Dimension> LOSS_GROUPS = EnumSet.of(Dimension.CAUSE, Dimension.REGION,
            Dimension.INDUSTRY, Dimension.ENTERPRISE, Dimension.PROGRAM, Dimension.MONTH, Dimension.WEEKDAY);

    private final Analytics analytics;
    private final CurrentTenant tenant;

    AnalyticsController(Analytics analytics, CurrentTenant tenant) {
        this.analytics = analytics;
        this.tenant = tenant;
    }

    /** Visitors, bookings and the group mix, by {@code groupBy} (default region). */
    @GetMapping("/visitors")
    Report<VisitorsRow> visitors(@Valid AnalyticsQuery query) {
        return analytics.visitors(filter(query), dimension(query.groupByOr("region"), VISIT_GROUPS));
    }

    @GetMapping(path = "/visitors", produces = CSV)
    CsvTable visitorsCsv(@Valid AnalyticsQuery query) {
        return ReportTables.visitors(visitors(query));
    }

    /** Seats sold / seats offered over the slots of the period, by {@code groupBy} (default program). */
    @GetMapping("/fill-rate")
    Report<FillRateRow> fillRate(@Valid AnalyticsQuery query) {
        return analytics.fillRate(filter(query), dimension(query.groupByOr("program"), SLOT_GROUPS));
    }

    @GetMapping(path = "/fill-rate", produces = CSV)
    CsvTable fillRateCsv(@Valid AnalyticsQuery query) {
        return ReportTables.fillRate(fillRate(query));
    }

    /** Days from booking to visit, by {@code groupBy} (default region). */
    @GetMapping("/lead-time")
    Report<LeadTimeRow> leadTime(@Valid AnalyticsQuery query) {
        return analytics.leadTime(filter(query), dimension(query.groupByOr("region"), VISIT_GROUPS));
    }

    @GetMapping(path = "/lead-time", produces = CSV)
    CsvTable leadTimeCsv(@Valid AnalyticsQuery query) {
        return ReportTables.leadTime(leadTime(query));
    }

    /** Cancellations, declines, expiries and no-shows, by {@code groupBy} (default cause). */
    @GetMapping("/cancellations")
    Report<CancellationsRow> cancellations(@Valid AnalyticsQuery query) {
        return analytics.cancellations(filter(query), dimension(query.groupByOr("cause"), LOSS_GROUPS));
    }

    @GetMapping(path = "/cancellations", produces = CSV)
    CsvTable cancellationsCsv(@Valid AnalyticsQuery query) {
        return ReportTables.cancellations(cancellations(query));
    }

    /** The most visited programs of the period (visitors, then expected visitors), at most {@code limit} (10). */
    @GetMapping("/top-programs")
    Report<TopProgramRow> topPrograms(@Valid AnalyticsQuery query) {
        return analytics.topPrograms(filter(query), query.limitOr10());
    }

    @GetMapping(path = "/top-programs", produces = CSV)
    CsvTable topProgramsCsv(@Valid AnalyticsQuery query) {
        return ReportTables.topPrograms(topPrograms(query));
    }

    /** The period and filters, with an enterprise held to its own figures. */
    private Filter filter(AnalyticsQuery q) {
        if (q.to().isBefore(q.from())) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to (" + q.to() + ") is before from (" + q.from() + ")");
        }
        if (ChronoUnit.DAYS.between(q.from(), q.to()) >= Analytics.MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the period may span at most " + Analytics.MAX_DAYS + " days");
        }
        Tenant caller = tenant.get();
        String enterprise = q.enterpriseId();
        if (!caller.isAdmin()) {
            if (enterprise != null && !caller.isEnterprise(enterprise)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "an enterprise sees its own figures only");
            }
            enterprise = caller.id();
        }
        return new Filter(q.from(), q.to(), q.region(), q.industry(), enterprise);
    }

    private static Dimension dimension(String groupBy, Set<Dimension> allowed) {
        String allowedNames = allowed.stream().map(Dimension::apiName).collect(Collectors.joining("|"));
        try {
            Dimension d = Dimension.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
            if (allowed.contains(d)) {
                return d;
            }
        }
        catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "groupBy must be one of " + allowedNames);
    }
}
