package ru.promtour.reporting.analytics.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
 * (operators: 403, path rule). Each report answers JSON, or CSV for {@code Accept: text/csv}.
 */
@RestController
@RequestMapping("/api/v1/analytics")
class AnalyticsController {

    static final String REGION = "^[A-Z]{2}-[A-Z0-9]{1,3}$";
    static final String INDUSTRY = "^[A-Z][A-Z_]{1,39}$";
    static final String ID = "^[A-Za-z0-9._:-]{1,100}$";
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
    Report<VisitorsRow> visitors(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                                 @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                                 @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                                 @RequestParam(defaultValue = "region") String groupBy) {
        return analytics.visitors(filter(from, to, region, industry, enterpriseId), dimension(groupBy, VISIT_GROUPS));
    }

    @GetMapping(path = "/visitors", produces = CSV)
    CsvTable visitorsCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                         @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                         @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                         @RequestParam(defaultValue = "region") String groupBy) {
        return ReportTables.visitors(visitors(from, to, region, industry, enterpriseId, groupBy));
    }

    /** Seats sold / seats offered over the slots of the period, by {@code groupBy} (default program). */
    @GetMapping("/fill-rate")
    Report<FillRateRow> fillRate(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                                 @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                                 @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                                 @RequestParam(defaultValue = "program") String groupBy) {
        return analytics.fillRate(filter(from, to, region, industry, enterpriseId), dimension(groupBy, SLOT_GROUPS));
    }

    @GetMapping(path = "/fill-rate", produces = CSV)
    CsvTable fillRateCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                         @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                         @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                         @RequestParam(defaultValue = "program") String groupBy) {
        return ReportTables.fillRate(fillRate(from, to, region, industry, enterpriseId, groupBy));
    }

    /** Days from booking to visit, by {@code groupBy} (default region). */
    @GetMapping("/lead-time")
    Report<LeadTimeRow> leadTime(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                                 @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                                 @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                                 @RequestParam(defaultValue = "region") String groupBy) {
        return analytics.leadTime(filter(from, to, region, industry, enterpriseId), dimension(groupBy, VISIT_GROUPS));
    }

    @GetMapping(path = "/lead-time", produces = CSV)
    CsvTable leadTimeCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                         @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                         @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                         @RequestParam(defaultValue = "region") String groupBy) {
        return ReportTables.leadTime(leadTime(from, to, region, industry, enterpriseId, groupBy));
    }

    /** Cancellations, declines, expiries and no-shows, by {@code groupBy} (default cause). */
    @GetMapping("/cancellations")
    Report<CancellationsRow> cancellations(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                                           @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                                           @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                                           @RequestParam(defaultValue = "cause") String groupBy) {
        return analytics.cancellations(filter(from, to, region, industry, enterpriseId), dimension(groupBy, LOSS_GROUPS));
    }

    @GetMapping(path = "/cancellations", produces = CSV)
    CsvTable cancellationsCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                              @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                              @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                              @RequestParam(defaultValue = "cause") String groupBy) {
        return ReportTables.cancellations(cancellations(from, to, region, industry, enterpriseId, groupBy));
    }

    /** The most visited programs of the period (visitors, then expected visitors), at most {@code limit}. */
    @GetMapping("/top-programs")
    Report<TopProgramRow> topPrograms(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                                      @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                                      @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                                      @RequestParam(defaultValue = "10") @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") int limit) {
        return analytics.topPrograms(filter(from, to, region, industry, enterpriseId), limit);
    }

    @GetMapping(path = "/top-programs", produces = CSV)
    CsvTable topProgramsCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) @Pattern(regexp = REGION, message = "must be an ISO 3166-2 code such as RU-KLU") String region,
                            @RequestParam(required = false) @Pattern(regexp = INDUSTRY, message = "must be an upper-case code such as CONFECTIONERY") String industry,
                            @RequestParam(required = false) @Pattern(regexp = ID, message = "must be an enterprise id") String enterpriseId,
                            @RequestParam(defaultValue = "10") @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") int limit) {
        return ReportTables.topPrograms(topPrograms(from, to, region, industry, enterpriseId, limit));
    }

    /** The period and filters, with an enterprise held to its own figures. */
    private Filter filter(LocalDate from, LocalDate to, String region, String industry, String enterpriseId) {
        if (to.isBefore(from)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "to (" + to + ") is before from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= Analytics.MAX_DAYS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the period may span at most " + Analytics.MAX_DAYS + " days");
        }
        Tenant caller = tenant.get();
        String enterprise = enterpriseId;
        if (!caller.isAdmin()) {
            if (enterpriseId != null && !caller.isEnterprise(enterpriseId)) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "an enterprise sees its own figures only");
            }
            enterprise = caller.id();
        }
        return new Filter(from, to, region, industry, enterprise);
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
