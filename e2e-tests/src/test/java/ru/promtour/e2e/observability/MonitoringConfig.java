package ru.promtour.e2e.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack's monitoring files under {@code docker/} as data: Grafana's dashboards, Prometheus' configuration
 * and the rule files it loads, and the metric names their PromQL reads. Both the file checks
 * ({@link ObservabilityConfigTest}) and the check against a running platform ({@code ObservabilityConfigIT}) use it.
 */
public final class MonitoringConfig {

    /** The sections of docs/operations.md an alert's {@code runbook_url} may point to. */
    public static final List<String> RUNBOOK_ANCHORS = List.of("reserve-availability", "reserve-latency",
            "message-delivery", "consumer-lag", "dead-letters", "breaker-open", "outbox-backlog");

    /** Series Prometheus writes itself (scrape health, alert state): no service exports them. */
    public static final Set<String> PROMETHEUS_SERIES = Set.of("up", "ALERTS", "ALERTS_FOR_STATE",
            "scrape_duration_seconds", "scrape_samples_scraped");

    /** Where compose mounts docker/prometheus in the Prometheus container. */
    static final String PROMETHEUS_CONFIG_DIR = "/etc/prometheus/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    private MonitoringConfig(Path root) {
        this.root = root;
    }

    /** The repository this test runs in: {@code e2e.root} (set by failsafe) or the module's parent directory. */
    public static MonitoringConfig ofThisRepository() {
        return new MonitoringConfig(Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    public Path docker(String relative) {
        return root.resolve("docker").resolve(relative);
    }

    /** Every dashboard file, by file name. */
    public Map<String, JsonNode> dashboards() {
        Map<String, JsonNode> dashboards = new TreeMap<>();
        try (Stream<Path> files = Files.list(docker("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                dashboards.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return dashboards;
    }

    /** A YAML file under docker/ (SnakeYAML fails on invalid YAML). */
    public Map<String, Object> yaml(String relative) {
        return yaml(docker(relative));
    }

    public static Map<String, Object> yaml(Path file) {
        try {
            Map<String, Object> document = new Yaml().load(Files.readString(file));
            if (document == null) {
                throw new IllegalStateException(file + " is empty");
            }
            return document;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The rule files prometheus.yml loads, as files under docker/prometheus. */
    @SuppressWarnings("unchecked")
    public List<Path> ruleFiles() {
        List<Path> files = new ArrayList<>();
        for (String name : (List<String>) yaml("prometheus/prometheus.yml").get("rule_files")) {
            if (!name.startsWith(PROMETHEUS_CONFIG_DIR)) {
                throw new IllegalStateException("rule file outside the mounted configuration: " + name);
            }
            files.add(docker("prometheus/" + name.substring(PROMETHEUS_CONFIG_DIR.length())));
        }
        return files;
    }

    /** Every rule of every rule file: a recording rule ({@code record}) or an alert ({@code alert}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (Map<String, Object> group : (List<Map<String, Object>>) yaml(file).get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
        }
        return rules;
    }

    public List<Map<String, Object>> alerts() {
        return rules().stream().filter(rule -> rule.containsKey("alert")).toList();
    }

    /** The names the recording rules define. */
    public Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        rules().stream().filter(rule -> rule.containsKey("record")).forEach(rule -> names.add((String) rule.get("record")));
        return names;
    }

    /** Every PromQL expression of the dashboards and the rules, by where it is ("file: panel or rule"). */
    public Map<String, String> expressions() {
        Map<String, String> expressions = new LinkedHashMap<>();
        dashboards().forEach((file, dashboard) -> dashboard.path("panels").forEach(panel -> {
            int i = 0;
            for (JsonNode target : panel.path("targets")) {
                expressions.put(file + ": " + panel.path("title").asText() + " #" + i++, target.path("expr").asText());
            }
        }));
        for (Map<String, Object> rule : rules()) {
            String name = String.valueOf(rule.containsKey("record") ? rule.get("record") : rule.get("alert"));
            expressions.put("rules: " + name, String.valueOf(rule.get("expr")));
        }
        return expressions;
    }

    /**
     * The metrics the services must export for the dashboards and rules to show anything: every name the
     * expressions read, histogram suffixes dropped ({@code x_seconds_bucket} → {@code x_seconds}), without recording
     * rules and Prometheus' own series; each with the places that read it.
     */
    public Map<String, Set<String>> exportedMetricsRead() {
        Map<String, Set<String>> read = new TreeMap<>();
        expressions().forEach((where, expr) -> PromQl.metricNames(expr).stream()
            .filter(name -> !PromQl.isRecordingRuleName(name) && !PROMETHEUS_SERIES.contains(name))
            .forEach(name -> read.computeIfAbsent(PromQl.baseName(name), k -> new TreeSet<>()).add(where)));
        return read;
    }

    /** The contract with the services: e2e-tests/src/test/resources/exported-metrics.txt, one base name a line. */
    public Set<String> exportedMetricsContract() {
        try {
            Set<String> names = new TreeSet<>();
            for (String line : Files.readAllLines(root.resolve("e2e-tests/src/test/resources/exported-metrics.txt"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return names;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
