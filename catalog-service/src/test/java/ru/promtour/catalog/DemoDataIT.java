package ru.promtour.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every enterprise, program and schedule of {@code demo/enterprises.json} is accepted by the catalog's
 * own validation and publish check, exactly as demo/load-demo.py sends them (the enterprise without its
 * {@code programs}, each {@code program} as is, each {@code schedule} from tomorrow to + 60 days). Ids get
 * a suffix because the store is shared with the other ITs; the tests never load the demo data itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class DemoDataIT {

    private static final Path DEMO = Path.of("..", "demo", "enterprises.json");

    @LocalServerPort
    int port;

    @Test
    void everyDemoEnterpriseProgramAndScheduleIsAcceptedPublishedAndPubliclyVisible() throws IOException {
        FakeLedger.get();   // plays booking-service's seat ledger: answers the close
        Api admin = new Api("http://localhost:" + port, TestTokens.admin());
        Api anyone = admin.as(null);
        JsonNode enterprises = Api.JSON.readTree(Files.readString(DEMO));
        String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> published = new ArrayList<>();
        String secureSite = null;
        int closed = 0;
        int openingHours = 0;

        assertThat(enterprises.size()).isGreaterThanOrEqualTo(13);
        for (JsonNode enterprise : enterprises) {
            String id = enterprise.path("id").asString() + suffix;
            ObjectNode body = ((ObjectNode) enterprise.deepCopy()).put("id", id);
            body.remove("programs");
            TestHttp.Response created = admin.post("/api/v1/enterprises", body.toString());
            assertThat(created.status()).as(id + " " + created).isEqualTo(201);
            Api owner = admin.as(TestTokens.enterprise(id));
            LocalDate today = LocalDate.now(ZoneId.of(enterprise.path("timeZone").asString()));

            assertThat(enterprise.path("programs").size()).as(id).isBetween(1, 2);
            for (JsonNode entry : enterprise.path("programs")) {
                String title = entry.path("program").path("title").asString();
                TestHttp.Response program = owner.post("/api/v1/excursions", entry.path("program").toString());
                assertThat(program.status()).as(title + " " + program).isEqualTo(201);
                String excursionId = program.text("id");
                TestHttp.Response publish = owner.post("/api/v1/excursions/" + excursionId + "/publish", null);
                assertThat(publish.status()).as(title + " " + publish).isEqualTo(200);

                if (entry.has("schedule")) {
                    ObjectNode schedule = ((ObjectNode) entry.path("schedule").deepCopy())
                            .put("from", today.plusDays(1).toString()).put("to", today.plusDays(60).toString());
                    TestHttp.Response slots = owner.post("/api/v1/excursions/" + excursionId + "/schedules", schedule.toString());
                    assertThat(slots.status()).as(title + " " + slots).isEqualTo(201);
                    assertThat(slots.json().path("created").asInt()).as(title).isGreaterThanOrEqualTo(8);
                }
                else {
                    // an opening-hours program: the catalog keeps its days itself
                    assertThat(entry.path("program").path("availabilityType").asString()).as(title).isEqualTo("OPENING_HOURS");
                    assertThat(owner.get("/api/v1/excursions/" + excursionId + "/slots?from=" + today + "&to="
                            + today.plusDays(30)).json().size()).as(title).isGreaterThanOrEqualTo(15);
                    openingHours++;
                }

                if (entry.has("closeOneSlot")) {
                    String slotId = owner.get("/api/v1/excursions/" + excursionId + "/slots?from=" + today.plusDays(7)
                            + "&to=" + today.plusDays(14)).json().path(0).path("id").asString();
                    TestHttp.Response close = owner.post("/api/v1/slots/" + slotId + "/close",
                            "{\"reason\":\"" + entry.path("closeOneSlot").asString() + "\"}");
                    assertThat(close.status()).as(close.toString()).isEqualTo(200);
                    closed++;
                }
                if ("ON_REQUEST".equals(entry.path("program").path("bookingMode").asString())) {
                    secureSite = excursionId;
                }
                published.add(excursionId);
            }
        }

        assertThat(closed).as("one slot stands for the sold-out one").isEqualTo(1);
        assertThat(openingHours).as("a museum in Kaluga and a visitor centre in Irkutsk").isEqualTo(2);
        for (String excursionId : published) {
            TestHttp.Response detail = anyone.get("/api/v1/catalog/excursions/" + excursionId);
            assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
            assertThat(detail.json().path("availability").size()).as(excursionId).isPositive();
        }
        assertThat(secureSite).as("one ON_REQUEST secure site").isNotNull();
        JsonNode dam = anyone.get("/api/v1/catalog/excursions/" + secureSite).json();
        assertThat(dam.path("rules").path("documents").asString()).isEqualTo("PASSPORT");
        assertThat(dam.path("rules").path("manifestLeadDays").asInt()).isEqualTo(10);
        assertThat(dam.path("enterprise").path("timeZone").asString()).isEqualTo("Asia/Irkutsk");
        assertThat(dam.path("availability").path(0).path("start").asString()).endsWith("+08:00");
    }
}
