package ru.promtour.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metric names the dashboards and alert rules rely on ({@code exported-metrics.txt}) are what the platform
 * exports: after one reserve and confirm through the gateway, every name is on some service's
 * {@code /actuator/prometheus}, every service tags its meters with its {@code application}, and each meter sits where
 * docs/architecture.md says.
 */
class MetricsExportIT {

    static final List<String> SERVICES = List.of("catalog-service", "booking-service", "notification-service");

    static Platform platform;

    @BeforeAll
    static void platform() {
        BookingScenarioIT.platform();
        platform = BookingScenarioIT.platform;
    }

    /** The names of {@code exported-metrics.txt}, the one list the dashboards' and alerts' checks share. */
    static List<String> expectedNames() {
        try (InputStream in = MetricsExportIT.class.getResourceAsStream("/exported-metrics.txt")) {
            assertThat(in).as("exported-metrics.txt on the test class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Every application's Prometheus text: the services' management ports, the gateway's main port (admin key). */
    static Map<String, String> scrape() {
        Map<String, String> scrapes = new LinkedHashMap<>();
        for (String service : SERVICES) {
            TestHttp.Response metrics = TestHttp.at(platform.managementUrl(service)).get("/actuator/prometheus");
            assertThat(metrics.status()).as("%s /actuator/prometheus", service).isEqualTo(200);
            scrapes.put(service, metrics.body());
        }
        TestHttp.Response gateway = TestHttp.at(platform.gatewayUrl()).withToken(Platform.ADMIN_KEY)
                .get("/actuator/prometheus", "Accept", "text/plain");
        assertThat(gateway.status()).as("gateway /actuator/prometheus").isEqualTo(200);
        scrapes.put("gateway", gateway.body());
        return scrapes;
    }

    /** Whether the text has a series of that name, or of a histogram of that base name (_bucket, _count, _sum). */
    static boolean exports(String text, String name) {
        return Pattern.compile("^" + Pattern.quote(name) + "(_bucket|_count|_sum)?[{ ]", Pattern.MULTILINE).matcher(text)
                .find();
    }

    @Test
    void afterAReserveAndAConfirmEveryNamedMetricIsExported() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", 10);
        String uuid = UUID.randomUUID().toString();
        Client.Response held = BookingScenarioIT.reserve(site, uuid, 1, 1);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        Client.Response confirmed = BookingScenarioIT.operator.post("/octo/bookings/" + uuid + "/confirm",
                BookingScenarioIT.contact());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> names = expectedNames();
        assertThat(names).contains("booking_reserve_total", "notification_delivery_seconds");

        // the gauges are polled (every 2 s here, 15 s by default) and the messages go out after the confirm
        await("every named metric exported").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    Map<String, String> scrapes = scrape();
                    String all = String.join("\n", scrapes.values());
                    assertThat(names).allSatisfy(name -> assertThat(exports(all, name)).as(name).isTrue());
                    scrapes.forEach((application, text) -> assertThat(text).as(application)
                            .contains("application=\"" + application + "\""));

                    String booking = scrapes.get("booking-service");
                    assertThat(booking).containsPattern("booking_reserve_total\\{[^}]*outcome=\"HELD\"[^}]*} [1-9]");
                    assertThat(exports(booking, "seats_held")).isTrue();
                    assertThat(exports(scrapes.get("catalog-service"), "seats_sold")).isTrue();
                    for (String service : SERVICES) {
                        assertThat(exports(scrapes.get(service), "kafka_consumer_group_lag")).as(service).isTrue();
                        assertThat(exports(scrapes.get(service), "dlt_records")).as(service).isTrue();
                        assertThat(exports(scrapes.get(service), "spring_kafka_listener_seconds_count")).as(service).isTrue();
                    }
                    for (String service : List.of("catalog-service", "booking-service")) {
                        assertThat(scrapes.get(service)).as(service).contains("outbox_backlog{");
                    }
                    String notification = scrapes.get("notification-service");
                    assertThat(notification).containsPattern("notification_delivery_seconds_bucket\\{[^}]*le=\"300\\.0\"");
                    assertThat(notification).contains("channel=\"webhook\"");
                    assertThat(notification).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"email\"");
                    String gateway = scrapes.get("gateway");
                    assertThat(gateway).containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"booking-octo\"");
                    assertThat(gateway).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"booking\"");
                });
    }
}
