package ru.promtour.web.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Tourist-flow analytics of the region (the reporting service's {@code /api/v1/analytics/*}): a filter form, the
 * figures as tables (readable by anyone, screen readers included) and as Chart.js charts drawn by
 * {@code static/js/admin-charts.js} from a JSON data block (the Content-Security-Policy runs no inline code), and each
 * report as a CSV download.
 */
@Controller
public class AnalyticsPages {

    static final List<String> REPORTS = List.of("visitors", "fill-rate", "lead-time", "cancellations", "top-programs");
    private static final Set<String> GROUPED = Set.of("visitors", "fill-rate", "lead-time");
    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final GatewayClient gateway;
    private final ObjectMapper json;
    private final MessageTexts texts;

    public AnalyticsPages(GatewayClient gateway, ObjectMapper json, MessageTexts texts) {
        this.gateway = gateway;
        this.json = json;
        this.texts = texts;
    }

    @GetMapping("/console/admin/analytics")
    public String analytics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) String region, @RequestParam(required = false) String industry,
                            @RequestParam(required = false) String groupBy, Model model, HttpServletResponse response) {
        AnalyticsFilter filter = AnalyticsFilter.of(from, to, region, industry, groupBy);
        model.addAttribute("filter", filter);
        model.addAttribute("groups", AnalyticsFilter.GROUPS);
        Map<String, String> errors = filter.errors();
        if (!errors.isEmpty()) {
            Refusals.show(texts.get("admin.analytics.badFilter"), errors, model, response);
            return "admin/analytics";
        }
        Map<String, Map<String, Object>> reports = new LinkedHashMap<>();
        try {
            for (String report : REPORTS) {
                reports.put(report, gateway.get(uri -> filter.uri(uri, report, group(report, filter))));
            }
        }
        catch (ApiException ex) {
            Refusals.show(ex, model, response, Map.of());
            return "admin/analytics";
        }
        if (Set.of("region", "industry").contains(filter.groupBy())) {
            GROUPED.forEach(report -> name(rows(reports.get(report)), filter.groupBy()));
        }
        model.addAttribute("visitors", reports.get("visitors"));
        model.addAttribute("fillRate", reports.get("fill-rate"));
        model.addAttribute("leadTime", reports.get("lead-time"));
        model.addAttribute("cancellations", reports.get("cancellations"));
        model.addAttribute("topPrograms", reports.get("top-programs"));
        model.addAttribute("chartData", chartData(reports));
        return "admin/analytics";
    }

    /** A report as the reporting service's CSV, passed on as a download. */
    @GetMapping("/console/admin/analytics/{report}")
    public ResponseEntity<byte[]> csv(@PathVariable String report, @RequestParam(defaultValue = "") String format,
                                      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String region,
                                      @RequestParam(required = false) String industry,
                                      @RequestParam(required = false) String groupBy) {
        if (!REPORTS.contains(report)) {
            return refused(HttpStatus.NOT_FOUND, "No report " + report + "; the reports are " + String.join(", ", REPORTS));
        }
        if (!"csv".equals(format)) {
            return refused(HttpStatus.BAD_REQUEST, "format must be csv");
        }
        AnalyticsFilter filter = AnalyticsFilter.of(from, to, region, industry, groupBy);
        Map<String, String> errors = filter.errors();
        if (!errors.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, errors.entrySet().stream()
                .map(error -> error.getKey() + " " + error.getValue()).collect(Collectors.joining("; ")));
        }
        String group = group(report, filter);
        byte[] body = gateway.getBytes(uri -> filter.uri(uri, report, group), CSV);
        String name = String.join("-", report, group == null ? "all" : group, filter.from(), filter.to()) + ".csv";
        return ResponseEntity.ok()
            .contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(body);
    }

    /** A download link followed with bad input: the reason as plain text, which the browser shows as it stands. */
    private static ResponseEntity<byte[]> refused(HttpStatus status, String reason) {
        return ResponseEntity.status(status).contentType(MediaType.valueOf("text/plain;charset=UTF-8"))
            .body(reason.getBytes(StandardCharsets.UTF_8));
    }

    /** The filter's grouping for the grouped reports; cancellations by their cause; the top programs are not grouped. */
    private static String group(String report, AnalyticsFilter filter) {
        if (GROUPED.contains(report)) {
            return filter.groupBy();
        }
        return "cancellations".equals(report) ? "cause" : null;
    }

    /**
     * What the charts draw, as JSON for a {@code <script type="application/json">} block. {@code <} is escaped so no
     * label (a program's title) can close the block.
     */
    private String chartData(Map<String, Map<String, Object>> reports) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Map<String, Object>> visitors = rows(reports.get("visitors"));
        data.put("visitors", Map.of("labels", labels(visitors), "visitors", column(visitors, "visitors"),
            "expected", column(visitors, "expectedVisitors")));
        List<Map<String, Object>> fill = rows(reports.get("fill-rate"));
        data.put("fillRate", Map.of("labels", labels(fill), "percent", fill.stream()
            .map(row -> Math.round(number(row.get("fillRate")) * 1000) / 10.0).toList()));
        List<Map<String, Object>> lost = rows(reports.get("cancellations"));
        data.put("cancellations", Map.of("labels", labels(lost), "bookings", column(lost, "bookings")));
        Object buckets = reports.get("lead-time").get("total") instanceof Map<?, ?> total ? total.get("buckets") : null;
        Map<?, ?> leadTime = buckets instanceof Map<?, ?> map ? map : Map.of();
        data.put("leadTime", Map.of("labels", new ArrayList<>(leadTime.keySet()), "bookings",
            new ArrayList<>(leadTime.values())));
        data.put("titles", Map.of("visitors", texts.get("admin.analytics.visitors"),
            "expected", texts.get("admin.analytics.expectedVisitors"), "fillRate", texts.get("admin.analytics.fillRatePercent"),
            "cancellations", texts.get("admin.analytics.bookings"), "leadTime", texts.get("admin.analytics.bookings")));
        return json.writeValueAsString(data).replace("<", "\\u003c");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> report) {
        return report.get("rows") instanceof List<?> rows ? (List<Map<String, Object>>) rows : List.of();
    }

    /**
     * Rows grouped by region or industry carry only the code; they get its name in the page's language (the names the
     * guide shows: {@code region.RU-KLU}, {@code industry.CONFECTIONERY}), the code itself when no name is known.
     */
    private void name(List<Map<String, Object>> rows, String groupBy) {
        for (Map<String, Object> row : rows) {
            if (row.get("label") == null && row.get("key") instanceof String key) {
                row.put("label", texts.getOrDefault(groupBy + "." + key, key));
            }
        }
    }

    private static List<Object> labels(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("label") != null ? row.get("label") : row.get("key")).toList();
    }

    private static List<Object> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(row -> row.getOrDefault(name, 0)).toList();
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
