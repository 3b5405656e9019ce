package ru.promtour.e2e.observability;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose stack's dashboards, rules and configs, checked as files (no platform, no Docker): valid JSON and YAML,
 * every panel and alert complete, every metric they read in the services' contract (exported-metrics.txt; that the
 * services really export it is {@code ObservabilityConfigIT}'s part), and the pieces wired to each other and to
 * docker-compose.yml.
 */
class ObservabilityConfigTest {

    private static final Set<String> DATASOURCE_UIDS = Set.of("prometheus", "tempo", "loki");
    private static final List<String> APPLICATIONS = List.of("catalog-service", "booking-service", "notification-service", "gateway");

    private final MonitoringConfig config = MonitoringConfig.ofThisRepository();

    @Test
    void theMetricNameScannerKeepsSelectorsAndDropsFunctionsLabelsRangesAndKeywords() {
        assertThat(PromQl.metricNames("""
                histogram_quantile(0.99, sum by (le, routeId) (rate(x_seconds_bucket{le="1.0",a=~"b{1,2}"}[$__rate_interval])))
                / on (job) group_left (instance) up offset 5m
                and sum without (pod) (y_total{outcome!~"HELD|WAITLISTED"}) > 14.4 * 1e-3
                or level:z:ratio_rate5m # a comment naming not_a_metric
                """)).containsExactly("x_seconds_bucket", "up", "y_total", "level:z:ratio_rate5m");
        assertThat(PromQl.baseName("x_seconds_bucket")).isEqualTo("x_seconds");
        assertThat(PromQl.baseName("booking_reserve_total")).isEqualTo("booking_reserve_total");
    }

    @Test
    void theFourDashboardsAreValidJsonAndEveryPanelQueriesAProvisionedDataSource() {
        Map<String, JsonNode> dashboards = config.dashboards();
        assertThat(dashboards).containsOnlyKeys("platform-overview.json", "reserve-path.json", "kafka-outbox.json",
                "notifications.json");

        Set<String> uids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        dashboards.forEach((file, dashboard) -> {
            assertThat(uids.add(dashboard.path("uid").asText())).as("%s: a uid of its own", file).isTrue();
            assertThat(dashboard.path("title").asText()).as("%s: title", file).isNotBlank();
            assertThat(dashboard.path("panels")).as("%s: panels", file).isNotEmpty();
            assertThat(dashboard.toString()).as("%s: no ${DS_…} inputs, the data sources have fixed uids", file)
                .doesNotContain("${DS_").doesNotContain("__inputs");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                String where = file + ": " + panel.path("title").asText();
                if (!ids.add(panel.path("id").asInt())) {
                    problems.add(where + ": duplicate panel id");
                }
                if (!DATASOURCE_UIDS.contains(panel.at("/datasource/uid").asText())) {
                    problems.add(where + ": no provisioned data source");
                }
                if (panel.path("targets").isEmpty()) {
                    problems.add(where + ": no targets");
                }
                for (JsonNode target : panel.path("targets")) {
                    if (target.path("expr").asText().isBlank() || target.path("refId").asText().isBlank()
                            || !target.at("/datasource/uid").asText().equals(panel.at("/datasource/uid").asText())) {
                        problems.add(where + ": a target without expr, refId or the panel's data source");
                    }
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyAlertHasASeveritySummaryDescriptionAndARunbookSectionOfTheOperationsGuide() {
        List<Map<String, Object>> alerts = config.alerts();
        assertThat(alerts).isNotEmpty();
        Pattern runbook = Pattern.compile("docs/operations\\.md#([a-z-]+)");
        Set<String> anchorsUsed = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> alert : alerts) {
            String name = String.valueOf(alert.get("alert"));
            Map<?, ?> labels = (Map<?, ?>) alert.getOrDefault("labels", Map.of());
            Map<?, ?> annotations = (Map<?, ?>) alert.getOrDefault("annotations", Map.of());
            if (!Set.of("page", "ticket").contains(labels.get("severity"))) {
                problems.add(name + ": severity " + labels.get("severity"));
            }
            for (String annotation : List.of("summary", "description")) {
                if (annotations.get(annotation) == null || String.valueOf(annotations.get(annotation)).isBlank()) {
                    problems.add(name + ": no " + annotation);
                }
            }
            Matcher url = runbook.matcher(String.valueOf(annotations.get("runbook_url")));
            if (!url.matches() || !MonitoringConfig.RUNBOOK_ANCHORS.contains(url.group(1))) {
                problems.add(name + ": runbook_url " + annotations.get("runbook_url"));
            }
            else {
                anchorsUsed.add(url.group(1));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(anchorsUsed).as("every runbook section has its alert").containsExactlyInAnyOrderElementsOf(MonitoringConfig.RUNBOOK_ANCHORS);
    }

    /**
     * The SLO alerts are the SRE workbook's multi-window, multi-burn-rate rules: a long and a short window of the same
     * recorded ratio over the same burn-rate threshold, 14.4x (1 h, 5 min) and 6x (6 h, 30 min) paging.
     */
    @Test
    void sloAlertsPageOnBothBurnRateWindowPairsOfARecordedRatio() {
        Set<String> recorded = config.recordedNames();
        Pattern window = Pattern.compile("([a-z_]+:[a-z_]+):ratio_rate(\\w+) > \\(([0-9.]+) \\* ([0-9.]+)\\)");
        Map<String, Set<String>> pagingWindows = new java.util.TreeMap<>();
        for (Map<String, Object> alert : config.alerts()) {
            Map<?, ?> labels = (Map<?, ?>) alert.get("labels");
            if (labels.get("slo") == null) {
                continue;
            }
            String expr = String.valueOf(alert.get("expr"));
            Matcher m = window.matcher(expr);
            List<String> windows = new ArrayList<>();
            Set<String> ratios = new HashSet<>();
            Set<String> thresholds = new HashSet<>();
            while (m.find()) {
                assertThat(recorded).as("%s reads a recorded ratio", alert.get("alert")).contains(m.group(1) + ":ratio_rate" + m.group(2));
                windows.add(m.group(2));
                ratios.add(m.group(1));
                thresholds.add(m.group(3) + "*" + m.group(4));
            }
            assertThat(windows).as("%s: a long and a short window", alert.get("alert")).hasSize(2);
            assertThat(expr).as("%s: both windows must burn", alert.get("alert")).containsPattern("\\sand\\s");
            assertThat(ratios).as("%s: one ratio", alert.get("alert")).hasSize(1);
            assertThat(thresholds).as("%s: one threshold", alert.get("alert")).hasSize(1);
            if ("page".equals(labels.get("severity"))) {
                pagingWindows.computeIfAbsent(String.valueOf(labels.get("slo")), k -> new TreeSet<>())
                    .add(thresholds.iterator().next().split("\\*")[0] + ":" + String.join("+", windows));
            }
        }
        assertThat(pagingWindows).containsOnlyKeys("reserve-availability", "reserve-latency", "message-delivery");
        pagingWindows.forEach((slo, pairs) -> assertThat(pairs).as(slo).containsExactlyInAnyOrder("14.4:1h+5m", "6:6h+30m"));
    }

    @Test
    void everyMetricTheDashboardsAndRulesReadIsInTheServicesContractAndEveryRecordingRuleIsDefined() {
        Set<String> contract = config.exportedMetricsContract();
        Map<String, Set<String>> read = config.exportedMetricsRead();
        assertThat(read).as("metrics read").isNotEmpty();
        Map<String, Set<String>> outsideContract = new java.util.TreeMap<>(read);
        outsideContract.keySet().removeAll(contract);
        assertThat(outsideContract).as("metrics read but not in exported-metrics.txt (name: where)").isEmpty();

        Set<String> recorded = config.recordedNames();
        List<String> undefined = new ArrayList<>();
        config.expressions().forEach((where, expr) -> PromQl.metricNames(expr).stream()
            .filter(PromQl::isRecordingRuleName).filter(name -> !recorded.contains(name))
            .forEach(name -> undefined.add(where + ": " + name)));
        assertThat(undefined).as("recording rules read but never defined").isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryApplicationsActuatorAndLoadsItsRuleFiles() {
        Map<String, Object> prometheus = config.yaml("prometheus/prometheus.yml");
        assertThat(config.ruleFiles()).allSatisfy(file -> assertThat(file).exists());
        Map<String, Map<String, Object>> jobs = new java.util.TreeMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            jobs.put((String) job.get("job_name"), job);
        }
        assertThat(jobs).containsOnlyKeys("prometheus", "catalog-service", "booking-service", "notification-service",
                "reporting-service", "web", "gateway");
        Map<String, Object> compose = composeServices();
        for (String application : APPLICATIONS) {
            Map<String, Object> job = jobs.get(application);
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            // every instance (docker-compose.yml runs <service> and <service>-2), each scraped on its own
            List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
            assertThat(targets).as("%s: its compose instances", application)
                .hasSize(2).allSatisfy(target -> assertThat(target).matches(java.util.regex.Pattern.quote(application) + "(-2)?:\\d+"));
            for (String target : targets) {
                Map<String, Object> service = (Map<String, Object>) compose.get(target.substring(0, target.indexOf(':')));
                assertThat(service).as("%s is a compose service", target).isNotNull();
                if (!application.equals("gateway")) {
                    assertThat(String.valueOf(service.get("expose"))).as("%s exposes the scraped port", target)
                        .contains(target.substring(target.indexOf(':') + 1));
                }
            }
        }
        // the gateway's metrics are for an ADMIN key: read from the file the container's entrypoint writes
        Map<String, Object> authorization = (Map<String, Object>) jobs.get("gateway").get("authorization");
        assertThat(authorization).containsEntry("type", "Bearer").containsKey("credentials_file");
        Map<String, Object> prometheusService = (Map<String, Object>) compose.get("prometheus");
        assertThat(String.valueOf(prometheusService.get("command"))).contains("> " + authorization.get("credentials_file"));
        assertThat(String.valueOf(prometheusService.get("tmpfs"))).contains("/tmp");
        assertThat(String.valueOf(prometheusService.get("volumes"))).contains("./docker/prometheus:/etc/prometheus");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisionsItsDataSourcesAndTheDashboardFolderComposeMounts() {
        Map<String, Object> datasources = config.yaml("grafana/provisioning/datasources/datasources.yml");
        Map<String, String> urls = new java.util.TreeMap<>();
        for (Map<String, Object> source : (List<Map<String, Object>>) datasources.get("datasources")) {
            urls.put((String) source.get("uid"), (String) source.get("url"));
        }
        assertThat(urls).containsOnly(Map.entry("prometheus", "http://prometheus:9090"), Map.entry("tempo", "http://tempo:3200"),
                Map.entry("loki", "http://loki:3100"));
        assertThat(datasources.toString()).as("a log line's trace id links to Tempo").contains("datasourceUid=tempo");

        Map<String, Object> providers = config.yaml("grafana/provisioning/dashboards/dashboards.yml");
        String path = (String) ((Map<String, Object>) ((List<Map<String, Object>>) providers.get("providers")).get(0).get("options")).get("path");
        Map<String, Object> grafana = (Map<String, Object>) composeServices().get("grafana");
        assertThat((List<String>) grafana.get("volumes")).contains("./docker/grafana/dashboards:" + path + ":ro",
                "./docker/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat((List<String>) grafana.get("ports")).containsExactly("127.0.0.1:3000:3000");
    }

    @Test
    @SuppressWarnings("unchecked")
    void tempoTakesTheApplicationsOtlpTracesAndAlloyShipsTheirLogsToLoki() throws IOException {
        Map<String, Object> tempo = config.yaml("tempo/tempo.yml");
        Map<String, Object> otlp = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) tempo.get("distributor"))
                .get("receivers")).get("otlp");
        assertThat(String.valueOf(((Map<String, Object>) ((Map<String, Object>) otlp.get("protocols")).get("http")).get("endpoint")))
            .isEqualTo("0.0.0.0:4318");
        Map<String, Object> loki = config.yaml("loki/loki.yml");
        assertThat(loki).containsEntry("auth_enabled", false).containsKeys("schema_config", "common");
        assertThat(((Map<String, Object>) loki.get("server")).get("http_listen_port")).isEqualTo(3100);

        // Alloy's configuration language is not YAML: check it pushes to the Loki above and keeps its braces balanced
        String alloy = Files.readString(config.docker("alloy/config.alloy"));
        assertThat(alloy).contains("url = \"http://loki:3100/loki/api/v1/push\"").contains("loki.source.docker");
        assertThat(alloy.chars().filter(c -> c == '{').count()).isEqualTo(alloy.chars().filter(c -> c == '}').count());

        Map<String, Object> compose = composeServices();
        for (String application : APPLICATIONS) {
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) compose.get(application)).get("environment");
            assertThat(environment).as(application)
                .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://tempo:4318/v1/traces")
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyImageIsPinnedAndTheConsolesListenOnThisHostOnly() {
        Map<String, Object> compose = composeServices();
        assertThat(compose).containsKeys("prometheus", "grafana", "tempo", "loki", "alloy");
        compose.forEach((name, definition) -> {
            String image = String.valueOf(((Map<String, Object>) definition).get("image"));
            assertThat(image).as("%s: a pinned tag", name).matches("[^:]+:[^:]+").doesNotEndWith(":latest");
        });
        assertThat((List<String>) ((Map<String, Object>) compose.get("prometheus")).get("ports")).containsExactly("127.0.0.1:9090:9090");
        for (String internal : List.of("tempo", "loki", "alloy")) {
            assertThat(((Map<String, Object>) compose.get(internal)).get("ports")).as("%s is not published", internal).isNull();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> composeServices() {
        return (Map<String, Object>) MonitoringConfig.yaml(config.root().resolve("docker-compose.yml")).get("services");
    }
}
