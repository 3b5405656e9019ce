package ru.promtour.catalog.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.messaging.metrics.MetricsPoller;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seats.held} / {@code seats.sold} as the catalog's slot projection sees the ledger. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "catalog.availability-events.interval=PT0.3S")
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class SeatGaugesIT {

    static final String SCHEDULE = """
            {"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
             "times":["11:00"],"from":"2099-05-01","to":"2099-05-01","capacity":40}""";

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    @Autowired
    MetricsPoller poller;

    @Test
    void theHeldSeatsTheProjectionLearnsOfAreInTheGaugeTaggedOnlyWithTheApplication() {
        FakeLedger.get();
        Api owner = Api.newEnterprise("http://localhost:" + port, "Asia/Irkutsk");
        String productId = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        assertThat(owner.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        assertThat(owner.post("/api/v1/excursions/" + productId + "/schedules", SCHEDULE).status()).isEqualTo(201);
        String slotId = owner.get("/api/v1/excursions/" + productId + "/slots?from=2099-05-01&to=2099-05-01").json()
                .path(0).path("id").asString();
        poller.refreshAll();
        double held = registry.get("seats.held").gauge().value();
        double sold = registry.get("seats.sold").gauge().value();

        FakeLedger.get().holdSeen(owner, slotId, 7);
        poller.refreshAll();

        assertThat(registry.get("seats.held").gauge().value()).isEqualTo(held + 7);
        assertThat(registry.get("seats.sold").gauge().value()).isEqualTo(sold);
        Gauge gauge = registry.get("seats.held").gauge();
        assertThat(gauge.getId().getTags()).singleElement().satisfies(tag -> {
            assertThat(tag.getKey()).isEqualTo("application");
            assertThat(tag.getValue()).isEqualTo("catalog-service");
        });
    }
}
