package ru.promtour.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.promtour.e2e.BookingScenarioIT.Site;
import ru.promtour.e2e.SpanCollector.CollectedSpan;

/**
 * One trace per booking (issue 17): a tour operator that traces its own work sends its {@code traceparent} with
 * the reserve and the confirm; every process the booking touches — the gateway, booking-service, catalog-service
 * (the seat events it consumes) and notification-service (the e-mail and SMS it sends later, from its own poll) —
 * exports its spans into that one trace, connected parent to child.
 */
class TraceIT {

    static Platform platform;

    @BeforeAll
    static void platform() {
        BookingScenarioIT.platform();
        platform = BookingScenarioIT.platform;
    }

    @Test
    void aReserveAndItsConfirmAreOneTraceAcrossTheGatewayBookingCatalogAndNotification() {
        Site site = BookingScenarioIT.site("INSTANT", 30);
        // the booking service learns the new program from catalog events: wait until it can be booked at all
        String warmUp = BookingScenarioIT.reserveBody(site, UUID.randomUUID().toString(), 0, 1);
        await("the program bookable").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> BookingScenarioIT.operator.post("/octo/bookings", warmUp).status() == 200);

        String traceId = hex(16);
        Client traced = BookingScenarioIT.operator.withHeader("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
        String uuid = UUID.randomUUID().toString();
        Client.Response held = traced.post("/octo/bookings", BookingScenarioIT.reserveBody(site, uuid, 2, 1));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/status")).isEqualTo("ON_HOLD");
        Client.Response confirmed = traced.post("/octo/bookings/" + uuid + "/confirm", BookingScenarioIT.contact());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/status")).isEqualTo("CONFIRMED");

        await("the booking's spans from every service").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<CollectedSpan> spans = platform.spans().trace(traceId);
            assertThat(spans).extracting(CollectedSpan::service)
                    .contains("gateway", "booking-service", "catalog-service", "notification-service");
            // the seat events reach the catalog as Kafka records carrying the trace
            assertThat(spans).filteredOn(s -> s.service().equals("catalog-service"))
                    .extracting(CollectedSpan::kind).contains("SPAN_KIND_CONSUMER");
            // the confirmation goes out by e-mail and SMS, each send a span of this trace
            assertThat(spans).filteredOn(s -> s.service().equals("notification-service"))
                    .extracting(CollectedSpan::name).contains("send email", "send sms");
            // one tree: only the gateway's spans hang from the operator's own (unexported) span
            List<String> ids = spans.stream().map(CollectedSpan::spanId).toList();
            assertThat(spans).filteredOn(s -> !ids.contains(s.parentSpanId())).as("spans whose parent is not in the trace")
                    .allSatisfy(s -> assertThat(s.service()).isEqualTo("gateway"));
        });
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
