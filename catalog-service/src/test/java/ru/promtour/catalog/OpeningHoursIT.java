package ru.promtour.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.octo.OctoSchemas;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An opening-hours program end to end on the real store: an Irkutsk visitor centre open every day 10:00–13:00 and
 * 14:00–18:00 for 200 visitors, closed on day D+3, short on D+4. Its day slots, the enterprise API, OCTO
 * availability and calendar (against the spec), the public catalog, and a change of hours reaching the ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class OpeningHoursIT {

    static final ZoneId IRKUTSK = ZoneId.of("Asia/Irkutsk");
    static final String WEEK = """
            {"MONDAY":[{"from":"10:00","to":"13:00"},{"from":"14:00","to":"18:00"}],
             "TUESDAY":[{"from":"10:00","to":"13:00"},{"from":"14:00","to":"18:00"}],
             "WEDNESDAY":[{"from":"10:00","to":"13:00"},{"from":"14:00","to":"18:00"}],
             "THURSDAY":[{"from":"10:00","to":"13:00"},{"from":"14:00","to":"18:00"}],
             "FRIDAY":[{"from":"10:00","to":"13:00"},{"from":"14:00","to":"18:00"}],
             "SATURDAY":[{"from":"14:00","to":"18:00"},{"from":"10:00","to":"13:00"}],
             "SUNDAY":[{"from":"10:00","to":"13:00"},{"from":"14:00","to":"18:00"}]}""";

    @LocalServerPort
    int port;

    Api owner;
    Api operator;
    String productId;
    LocalDate d;

    static String program(String openingHours) {
        return CatalogData.ISSUE_EXCURSION.substring(0, CatalogData.ISSUE_EXCURSION.length() - 1)
                + ",\"availabilityType\":\"OPENING_HOURS\",\"openingHours\":" + openingHours + "}";
    }

    String hours(String exceptions, int capacity) {
        return "{\"weekly\":" + WEEK + ",\"exceptions\":" + exceptions + ",\"dailyCapacity\":" + capacity + "}";
    }

    String exceptions() {
        return "[{\"date\":\"" + d.plusDays(3) + "\",\"closed\":true},{\"date\":\"" + d.plusDays(4)
                + "\",\"ranges\":[{\"from\":\"12:00\",\"to\":\"16:00\"}]}]";
    }

    @BeforeEach
    void setUp() {
        FakeLedger.get();   // plays booking-service's seat ledger: answers the closes and capacities
        d = LocalDate.now(IRKUTSK).plusDays(2);
        owner = Api.newEnterprise("http://localhost:" + port, "Asia/Irkutsk");
        operator = owner.as(TestTokens.operator("op-" + UUID.randomUUID()));
        TestHttp.Response created = owner.post("/api/v1/excursions", program(hours(exceptions(), 200)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        productId = created.text("id");
        assertThat(owner.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
    }

    private String dayId(LocalDate date) {
        return "day-" + productId + "-" + date;
    }

    @Test
    void theProgramKeepsItsHoursAndHasOneDaySlotPerOpenDate() {
        JsonNode program = owner.get("/api/v1/excursions/" + productId).json();
        assertThat(program.path("availabilityType").asString()).isEqualTo("OPENING_HOURS");
        assertThat(program.path("openingHours").path("dailyCapacity").asInt()).isEqualTo(200);
        assertThat(program.path("openingHours").path("weekly").path("SATURDAY").path(0).path("from").asString()).isEqualTo("14:00");
        assertThat(program.path("openingHours").path("exceptions").path(0).path("closed").asBoolean()).isTrue();

        JsonNode days = owner.get("/api/v1/excursions/" + productId + "/slots?from=" + d + "&to=" + d.plusDays(4)).json();
        assertThat(days.findValuesAsString("id")).containsExactly(dayId(d), dayId(d.plusDays(1)), dayId(d.plusDays(2)),
                dayId(d.plusDays(4)));
        JsonNode first = days.path(0);
        assertThat(first.path("start").asString()).isEqualTo(d + "T10:00:00+08:00");
        assertThat(first.path("capacity").asInt()).isEqualTo(200);
        assertThat(first.path("allDay").asBoolean()).isTrue();
        assertThat(first.path("openingHours").toString()).isEqualTo("[{\"from\":\"10:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]");
        assertThat(days.path(3).path("start").asString()).isEqualTo(d.plusDays(4) + "T12:00:00+08:00");

        // days are generated once: saving the same program again creates and sends nothing new
        assertThat(owner.put("/api/v1/excursions/" + productId, program(hours(exceptions(), 200))).status()).isEqualTo(200);
        assertThat(owner.get("/api/v1/excursions/" + productId + "/slots?from=" + d + "&to=" + d.plusDays(4)).json()).hasSize(4);
    }

    @Test
    void octoShowsTheProductAndOneAllDayAvailabilityPerDateWithItsOpeningHours() {
        TestHttp.Response product = operator.get("/octo/products/" + productId);
        assertThat(product.status()).isEqualTo(200);
        OctoSchemas.assertMatches("Product", product.body());
        assertThat(product.json().path("availabilityType").asString()).isEqualTo("OPENING_HOURS");
        assertThat(product.json().path("options").path(0).path("availabilityLocalStartTimes").toString()).isEqualTo("[\"00:00\"]");

        FakeLedger.get().holdSeen(owner, dayId(d), 15);
        TestHttp.Response availability = operator.post("/octo/availability",
                "{\"productId\":\"" + productId + "\",\"optionId\":\"DEFAULT\",\"localDateStart\":\"" + d
                        + "\",\"localDateEnd\":\"" + d.plusDays(4) + "\"}");
        assertThat(availability.status()).as(availability.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Availability", availability.body());
        JsonNode all = availability.json();
        assertThat(all.findValuesAsString("id")).containsExactly(dayId(d), dayId(d.plusDays(1)), dayId(d.plusDays(2)),
                dayId(d.plusDays(4)));
        JsonNode day = all.path(0);
        assertThat(day.path("allDay").asBoolean()).isTrue();
        assertThat(day.path("localDateTimeStart").asString()).isEqualTo(d + "T00:00:00+08:00");
        assertThat(day.path("localDateTimeEnd").asString()).isEqualTo(d.plusDays(1) + "T00:00:00+08:00");
        assertThat(day.path("utcCutoffAt").asString()).isEqualTo(d + "T00:00:00Z");   // 10:00 +08:00 − 2 h
        assertThat(day.path("openingHours").toString()).isEqualTo("[{\"from\":\"10:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]");
        assertThat(day.path("capacity").asInt()).isEqualTo(200);
        assertThat(day.path("vacancies").asInt()).isEqualTo(185);
        assertThat(day.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(all.path(3).path("openingHours").toString()).isEqualTo("[{\"from\":\"12:00\",\"to\":\"16:00\"}]");

        TestHttp.Response byId = operator.post("/octo/availability", "{\"productId\":\"" + productId
                + "\",\"optionId\":\"DEFAULT\",\"availabilityIds\":[\"" + dayId(d.plusDays(1)) + "\"]}");
        assertThat(byId.json().findValuesAsString("id")).containsExactly(dayId(d.plusDays(1)));

        TestHttp.Response calendar = operator.post("/octo/availability/calendar", "{\"productId\":\"" + productId
                + "\",\"optionId\":\"DEFAULT\",\"localDateStart\":\"" + d + "\",\"localDateEnd\":\"" + d.plusDays(4) + "\"}");
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("AvailabilityCalendar", calendar.body());
        JsonNode days = calendar.json();
        assertThat(days).hasSize(5);
        assertThat(days.path(0).path("openingHours")).hasSize(2);
        assertThat(days.path(0).path("vacancies").asInt()).isEqualTo(185);
        assertThat(days.path(3).path("status").asString()).isEqualTo("CLOSED");
        assertThat(days.path(3).path("openingHours")).isEmpty();
        assertThat(days.path(4).path("openingHours").path(0).path("from").asString()).isEqualTo("12:00");
    }

    @Test
    void thePublicCatalogShowsTheHoursAndFreeSeatsOfTheComingDays() {
        JsonNode detail = new Api("http://localhost:" + port, null).get("/api/v1/catalog/excursions/" + productId).json();
        assertThat(detail.path("availabilityType").asString()).isEqualTo("OPENING_HOURS");
        JsonNode first = null;
        for (JsonNode day : detail.path("availability")) {
            if (day.path("id").asString().equals(dayId(d))) {
                first = day;
            }
        }
        assertThat(first).as(detail.toString()).isNotNull();
        assertThat(first.path("allDay").asBoolean()).isTrue();
        assertThat(first.path("available").asInt()).isEqualTo(200);
        assertThat(first.path("openingHours")).hasSize(2);
    }

    @Test
    void newHoursCloseADateThroughTheLedgerAndChangeTheDailyCapacity() {
        String closedToo = "[{\"date\":\"" + d + "\",\"closed\":true},{\"date\":\"" + d.plusDays(3) + "\",\"closed\":true}]";
        FakeLedger.get().holdSeen(owner, dayId(d), 7);

        TestHttp.Response saved = owner.put("/api/v1/excursions/" + productId, program(hours(closedToo, 150)));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode closed = owner.awaitSlot(dayId(d), s -> "CLOSED".equals(s.path("status").asString()));
        assertThat(closed.path("openingHours")).isEmpty();
        assertThat(closed.path("held").asInt()).isEqualTo(7);          // the bookings of a closed day keep their seats
        JsonNode smaller = owner.awaitSlot(dayId(d.plusDays(1)), s -> s.path("capacity").asInt() == 150);
        assertThat(smaller.path("status").asString()).isEqualTo("OPEN");
        // D+4 is back to the week's hours (its start moves to 10:00), D+3 stays closed: it never had a day slot
        JsonNode normal = owner.awaitSlot(dayId(d.plusDays(4)), s -> s.path("openingHours").size() == 2);
        assertThat(normal.path("start").asString()).isEqualTo(d.plusDays(4) + "T10:00:00+08:00");
        assertThat(owner.awaitSlot(dayId(d.plusDays(4)), s -> s.path("capacity").asInt() == 150).path("status").asString())
                .isEqualTo("OPEN");
        assertThat(owner.get("/api/v1/slots/" + dayId(d.plusDays(3))).status()).isEqualTo(404);

        // and back: the date opens again through the ledger; without exceptions D+3 gets its day slot now
        assertThat(owner.put("/api/v1/excursions/" + productId, program(hours("[]", 150))).status()).isEqualTo(200);
        JsonNode reopened = owner.awaitSlot(dayId(d), s -> "OPEN".equals(s.path("status").asString()));
        assertThat(reopened.path("openingHours")).hasSize(2);
        JsonNode created = owner.get("/api/v1/slots/" + dayId(d.plusDays(3))).json();
        assertThat(created.path("capacity").asInt()).isEqualTo(150);
        assertThat(created.path("status").asString()).isEqualTo("OPEN");
    }

    @Test
    void badHoursAreRefusedNamingEachField() {
        String bad = "{\"weekly\":{\"MONDAY\":[{\"from\":\"10:00\",\"to\":\"13:00\"},{\"from\":\"12:00\",\"to\":\"14:00\"}],"
                + "\"TUESDAY\":[{\"from\":\"18:00\",\"to\":\"09:00\"}],\"FRIDAY\":[{\"from\":\"9\",\"to\":\"25:00\"}]},"
                + "\"exceptions\":[{\"date\":\"2099-02-30\",\"closed\":true},{\"date\":\"2099-03-01\"}],\"dailyCapacity\":0}";
        TestHttp.Response refused = owner.post("/api/v1/excursions", program(bad));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).contains("openingHours.weekly.MONDAY",
                "openingHours.weekly.TUESDAY[0].to", "openingHours.weekly.FRIDAY[0].from", "openingHours.weekly.FRIDAY[0].to",
                "openingHours.exceptions[0].date", "openingHours.exceptions[1]", "openingHours.dailyCapacity");

        TestHttp.Response missing = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION.replace("\"bookingMode\"",
                "\"availabilityType\":\"OPENING_HOURS\",\"bookingMode\""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("openingHours");

        TestHttp.Response unknownDay = owner.post("/api/v1/excursions", program("{\"weekly\":{\"FUNDAY\":[]},\"dailyCapacity\":5}"));
        assertThat(unknownDay.status()).isEqualTo(400);

        TestHttp.Response startTime = owner.post("/api/v1/excursions/" + productId + "/slots",
                "{\"localStart\":\"" + d + "T10:00\",\"capacity\":40}");
        assertThat(startTime.status()).isEqualTo(409);
        TestHttp.Response kind = owner.put("/api/v1/excursions/" + productId, CatalogData.ISSUE_EXCURSION);
        assertThat(kind.status()).isEqualTo(409);
    }
}
