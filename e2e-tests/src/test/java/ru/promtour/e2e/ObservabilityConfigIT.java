package ru.promtour.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.promtour.e2e.observability.MonitoringConfig;
import ru.promtour.e2e.observability.PromQl;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The compose stack's dashboards and alert rules (docker/) read metrics the platform really exports. After a reserve
 * and a confirm through the gateway (so the reserve counter and the delivery timer have series), every application's
 * {@code /actuator/prometheus} is scraped — each service's management port, the gateway's main port with the admin
 * key, as Prometheus does in compose — and every metric the dashboards and rules read must be among the series, with
 * the histogram buckets the SLO rules count. Each scrape is saved as {@code target/e2e-logs/<application>.prom}.
 */
class ObservabilityConfigIT {

    private static final List<String> APPLICATIONS = List.of("catalog-service", "booking-service", "notification-service", "gateway");

    static Platform platform;

    @BeforeAll
    static void platform() {
        BookingScenarioIT.platform();
        platform = BookingScenarioIT.platform;
    }

    @Test
    void everyMetricTheDashboardsAndAlertRulesReadIsExportedByTheRunningPlatform() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", 10);
        String uuid = UUID.randomUUID().toString();
        Client.Response held = BookingScenarioIT.reserve(site, uuid, 0, 2);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        Client.Response confirmed = BookingScenarioIT.operator.post("/octo/bookings/" + uuid + "/confirm",
                BookingScenarioIT.contact());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        String reference = confirmed.at("/supplierReference");
        await("the confirmation delivered").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(BookingScenarioIT.delivered("m.ivanova@school42.example", reference)).isNotEmpty());

        Map<String, Set<String>> read = MonitoringConfig.ofThisRepository().exportedMetricsRead();
        assertThat(read).isNotEmpty();
        // gauges refreshed by pollers show up within a poll period
        await("every metric the dashboards and rules read is exported").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                Map<String, String> scrapes = scrapeAll();
                Map<String, Set<String>> exported = exportedBy(scrapes);
                Set<String> missing = new TreeSet<>(read.keySet());
                missing.removeAll(exported.keySet());

                SoftAssertions soft = new SoftAssertions();
                soft.assertThat(missing).as("metrics the dashboards and rules read that no application exports "
                        + "(ObservabilityConfigTest names the panels and rules reading each)").isEmpty();
                soft.assertThat(series(scrapes.get("gateway"), "spring_cloud_gateway_requests_seconds_bucket"))
                    .as("the reserve latency SLO counts the gateway's le=\"1.0\" bucket of route booking-octo")
                    .anyMatch(line -> line.contains("routeId=\"booking-octo\"") && line.contains("le=\"1.0\""));
                soft.assertThat(series(scrapes.get("notification-service"), "notification_delivery_seconds_bucket"))
                    .as("the delivery SLO counts notification.delivery's le=\"300.0\" bucket")
                    .anyMatch(line -> line.contains("le=\"300.0\""));
                soft.assertAll();
            });
    }

    private static Map<String, String> scrapeAll() {
        Map<String, String> scrapes = new TreeMap<>();
        for (String application : APPLICATIONS) {
            TestHttp http = TestHttp.at(platform.managementUrl(application)).withHeader("Accept", "text/plain")
                    .withTimeout(Duration.ofSeconds(10));
            if (application.equals("gateway")) {
                http = http.withToken(Platform.ADMIN_KEY);   // the gateway's actuator answers metrics to an ADMIN key only
            }
            TestHttp.Response response = http.get("/actuator/prometheus");
            assertThat(response.status()).as("%s /actuator/prometheus: %s", application, response).isEqualTo(200);
            scrapes.put(application, response.body());
            save(application, response.body());
        }
        return scrapes;
    }

    /** Base metric name (histogram suffixes dropped) → the applications exporting it. */
    private static Map<String, Set<String>> exportedBy(Map<String, String> scrapes) {
        Map<String, Set<String>> exported = new TreeMap<>();
        scrapes.forEach((application, text) -> text.lines()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(ObservabilityConfigIT::seriesName)
            .forEach(name -> exported.computeIfAbsent(PromQl.baseName(name), k -> new TreeSet<>()).add(application)));
        return exported;
    }

    private static List<String> series(String scrape, String name) {
        return scrape.lines().filter(line -> seriesName(line).equals(name)).toList();
    }

    private static String seriesName(String sample) {
        int end = 0;
        while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
            end++;
        }
        return sample.substring(0, end);
    }

    private static void save(String application, String scrape) {
        try {
            Path logs = Path.of(System.getProperty("e2e.logs", "target/e2e-logs"));
            Files.createDirectories(logs);
            Files.writeString(logs.resolve(application + ".prom"), scrape);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
