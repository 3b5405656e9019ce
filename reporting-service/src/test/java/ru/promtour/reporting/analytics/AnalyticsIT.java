package ru.promtour.reporting.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import ru.promtour.reporting.ReportingTest;
import ru.promtour.reporting.projection.Generations;
import ru.promtour.reporting.testdata.ReportingKafka;
import ru.promtour.reporting.testdata.ReportingKafka.Booking;
import ru.promtour.reporting.testdata.ReportingKafka.Enterprise;
import ru.promtour.reporting.testdata.ReportingKafka.Program;
import ru.promtour.reporting.testdata.ReportingKafka.Sent;
import ru.promtour.reporting.testdata.ReportingKafka.Slot;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A region of its own per test (a fresh ISO-like code), two enterprises of two industries, visits in a past month and
 * a future one: the analytics' figures, that they reconcile (enterprises add up to their region; the projection equals
 * a recount from the raw events, also after a rebuild), who sees what, and the CSV.
 */
@ReportingTest
class AnalyticsIT {

    @LocalServerPort
    int port;
    @Autowired
    Generations generations;

    private final ReportingKafka kafka = new ReportingKafka();
    private String region;
    private Enterprise factory;
    private Enterprise plant;
    private TestHttp admin;

    @BeforeEach
    void region() {
        region = "RU-" + (char) ('A' + ThreadLocalRandom.current().nextInt(26))
                + (char) ('A' + ThreadLocalRandom.current().nextInt(26)) + (char) ('A' + ThreadLocalRandom.current().nextInt(26));
        factory = new Enterprise("ent-" + UUID.randomUUID(), "Фабрика «Зефир»", region, "CONFECTIONERY", "Europe/Moscow");
        plant = new Enterprise("ent-" + UUID.randomUUID(), "Иркутская ГЭС", region, "ENERGY", "Asia/Irkutsk");
        admin = TestHttp.localhost(port).withToken(TestTokens.admin());
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    /** The scenario: 8 bookings, 3 slots, of which 6 confirmed (1 no-show), 1 late-cancelled, 1 supplier-cancelled, 1 expired. */
    private Scenario scenario() {
        Program zefir = kafka.program(factory, "Как рождается зефир", 80000, 50000);
        Program dam = kafka.program(plant, "Плотина и машинный зал", 60000, 30000);
        Slot october = kafka.slot(zefir, LocalDateTime.of(2026, 10, 14, 10, 0), 40); // a Wednesday
        Slot damOctober = kafka.slot(dam, LocalDateTime.of(2026, 10, 17, 11, 0), 30); // a Saturday
        Slot january = kafka.slot(zefir, LocalDateTime.of(2027, 1, 20, 10, 0), 40);
        Instant septFirst = Instant.parse("2026-09-01T09:00:00Z");
        Booking school = kafka.confirmed(october, "op-a", 2, 25, septFirst);                       // 27, school
        Booking tourists = kafka.confirmed(october, "op-b", 10, 0, Instant.parse("2026-10-10T09:00:00Z")); // 10
        Booking damSchool = kafka.confirmed(damOctober, "op-a", 3, 20, Instant.parse("2026-06-01T00:00:00Z")); // 23
        Booking noShow = kafka.confirmed(damOctober, "op-b", 5, 0, Instant.parse("2026-10-01T00:00:00Z"));     // 5
        kafka.noShow(noShow, "NOT_ARRIVED", Instant.parse("2026-10-17T05:00:00Z"));
        Booking future = kafka.confirmed(january, "op-a", 2, 18, Instant.parse("2026-11-20T09:00:00Z"));       // 20, ahead
        Booking late = kafka.confirmed(october, "op-b", 4, 0, septFirst);
        kafka.cancelled(late, "OPERATOR", Instant.parse("2026-10-14T05:00:00Z"), "Автобус сломался");
        Booking supplier = kafka.confirmed(damOctober, "op-a", 6, 0, septFirst);
        kafka.cancelled(supplier, "SUPPLIER", Instant.parse("2026-10-10T00:00:00Z"), "Плановые работы");
        Booking expired = new Booking(UUID.randomUUID().toString(), october, "op-c", 3, 0);
        kafka.lifecycle(expired, "booking.BookingExpired.v1", Instant.parse("2026-09-02T00:00:00Z"),
                ReportingKafka.map("expiredAt", "2026-09-02T00:00:00Z"));
        return new Scenario(zefir, dam, october, damOctober, january, List.of(school, tourists, damSchool, noShow, future));
    }

    private record Scenario(Program zefir, Program dam, Slot october, Slot damOctober, Slot january,
                            List<Booking> confirmed) {
    }

    private JsonNode awaitReport(String path, int expectedBookings, String field) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> admin.get(path).assertStatus(200).json(),
                json -> json.path("total").path(field).asInt() == expectedBookings);
    }

    /**
     * Waits until every event of the scenario is in the projection: 5 confirmed bookings (one a no-show), 4 lost ones,
     * and the 3 slots' capacity (each figure passes through other values while events of three topics arrive).
     */
    private void awaitScenario() {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                admin.get("/api/v1/analytics/visitors?" + period()).json().path("total").path("bookings").asInt() == 5
                && admin.get("/api/v1/analytics/cancellations?" + period()).json().path("total").path("bookings").asInt() == 4
                && admin.get("/api/v1/analytics/fill-rate?" + period()).json().path("total").path("capacity").asInt() == 110);
    }

    private String period() {
        return "from=2026-09-01&to=2027-02-28&region=" + region;
    }

    @Test
    void visitorsAndTheGroupMixAddUpFromEnterprisesToTheRegion() {
        scenario();
        awaitScenario();
        JsonNode byRegion = admin.get("/api/v1/analytics/visitors?" + period() + "&groupBy=region").json();
        assertThat(byRegion.path("rows")).hasSize(1);
        JsonNode regionRow = byRegion.path("rows").get(0);
        assertThat(regionRow.path("key").asText()).isEqualTo(region);
        assertThat(regionRow.path("units").asInt()).isEqualTo(27 + 10 + 23 + 5 + 20);
        assertThat(regionRow.path("visitors").asInt()).isEqualTo(27 + 10 + 23);
        assertThat(regionRow.path("expectedVisitors").asInt()).isEqualTo(20);
        assertThat(regionRow.path("children").asInt()).isEqualTo(25 + 20 + 18);
        assertThat(regionRow.path("schoolGroups").asInt()).isEqualTo(3);
        assertThat(regionRow.path("noShows").asInt()).isEqualTo(1);

        JsonNode byEnterprise = admin.get("/api/v1/analytics/visitors?" + period() + "&groupBy=enterprise").json();
        assertThat(byEnterprise.path("rows")).hasSize(2);
        for (String field : List.of("bookings", "units", "visitors", "expectedVisitors", "children", "adults", "schoolGroups", "noShows")) {
            int sum = 0;
            for (JsonNode row : byEnterprise.path("rows")) {
                sum += row.path(field).asInt();
            }
            assertThat(sum).as("Σ enterprises' %s = the region's", field).isEqualTo(regionRow.path(field).asInt());
        }
        JsonNode byIndustry = admin.get("/api/v1/analytics/visitors?" + period() + "&groupBy=industry&industry=ENERGY").json();
        assertThat(byIndustry.path("rows")).singleElement().satisfies(row -> {
            assertThat(row.path("key").asText()).isEqualTo("ENERGY");
            assertThat(row.path("units").asInt()).isEqualTo(28);
        });
        JsonNode byWeekday = admin.get("/api/v1/analytics/visitors?" + period() + "&groupBy=weekday").json();
        assertThat(byWeekday.path("rows")).extracting(row -> row.path("key").asText() + ":" + row.path("label").asText()
                + ":" + row.path("units").asInt())
                .containsExactly("3:среда:57", "6:суббота:28");
        JsonNode byMonth = admin.get("/api/v1/analytics/visitors?" + period() + "&groupBy=month").json();
        assertThat(byMonth.path("rows")).extracting(row -> row.path("key").asText()).containsExactly("2026-10", "2027-01");
    }

    @Test
    void theProjectionEqualsARecountFromTheRawEventsAlsoAfterARebuild() {
        scenario();
        awaitScenario();
        Map<String, Long> recount = recount(kafka.sent(), Instant.now());
        assertThat(figures()).isEqualTo(recount);

        int before = generations.current();
        admin.post("/api/v1/reporting/projection/rebuild", "");
        await().atMost(Duration.ofSeconds(60)).until(() -> generations.current() > before
                && generations.rebuild().filter(Generations.Rebuild::running).isEmpty());
        assertThat(figures()).isEqualTo(recount);
    }

    private Map<String, Long> figures() {
        JsonNode total = admin.get("/api/v1/analytics/visitors?" + period()).json().path("total");
        JsonNode lost = admin.get("/api/v1/analytics/cancellations?" + period()).json().path("total");
        return Map.of("bookings", total.path("bookings").asLong(), "units", total.path("units").asLong(),
                "visitors", total.path("visitors").asLong(), "lost", lost.path("bookings").asLong());
    }

    /** An independent count over the events as sent: the last status of each booking wins. */
    private static Map<String, Long> recount(List<Sent> events, Instant now) {
        Map<String, String> status = new HashMap<>();
        Map<String, Long> units = new HashMap<>();
        Map<String, Instant> start = new HashMap<>();
        Map<String, Boolean> noShow = new HashMap<>();
        for (Sent e : events) {
            if (!e.type().startsWith("booking.")) {
                continue;
            }
            String id = (String) e.body().get("bookingId");
            units.put(id, ((Number) e.body().get("units")).longValue());
            start.put(id, Instant.parse((String) ((Map<?, ?>) e.body().get("visit")).get("start")));
            switch (e.type()) {
                case "booking.BookingConfirmed.v1" -> status.put(id, "CONFIRMED");
                case "booking.BookingCancelled.v1", "booking.BookingExpired.v1" -> status.put(id, "LOST");
                case "booking.BookingNoShow.v1" -> noShow.put(id, true);
                default -> {
                }
            }
        }
        long bookings = status.values().stream().filter("CONFIRMED"::equals).count();
        long sold = status.entrySet().stream().filter(s -> s.getValue().equals("CONFIRMED")).mapToLong(s -> units.get(s.getKey())).sum();
        long visitors = status.entrySet().stream().filter(s -> s.getValue().equals("CONFIRMED"))
                .filter(s -> !noShow.containsKey(s.getKey()) && !start.get(s.getKey()).isAfter(now))
                .mapToLong(s -> units.get(s.getKey())).sum();
        long lost = status.values().stream().filter("LOST"::equals).count() + noShow.size();
        return Map.of("bookings", bookings, "units", sold, "visitors", visitors, "lost", lost);
    }

    @Test
    void fillRateLeadTimeCancellationsAndTopPrograms() {
        Scenario s = scenario();
        awaitScenario();
        JsonNode fill = admin.get("/api/v1/analytics/fill-rate?" + period() + "&groupBy=slot").json();
        assertThat(fill.path("rows")).extracting(r -> r.path("key").asText() + "=" + r.path("sold").asInt() + "/"
                + r.path("capacity").asInt() + ":" + r.path("fillRate").asDouble())
                .containsExactlyInAnyOrder(s.october().id() + "=37/40:0.925", s.damOctober().id() + "=28/30:0.9333",
                        s.january().id() + "=20/40:0.5");
        assertThat(fill.path("total").path("fillRate").asDouble()).isEqualTo(0.7727);
        JsonNode byProgram = admin.get("/api/v1/analytics/fill-rate?" + period()).json();
        assertThat(byProgram.path("rows")).extracting(r -> r.path("key").asText() + "=" + r.path("sold").asInt() + "/" + r.path("capacity").asInt())
                .containsExactlyInAnyOrder(s.zefir().id() + "=57/80", s.dam().id() + "=28/30");

        JsonNode lead = admin.get("/api/v1/analytics/lead-time?" + period()).json().path("total");
        assertThat(lead.path("bookings").asInt()).isEqualTo(5);
        // 42.9 (Sep 1 09:00Z → Oct 14 07:00Z), 4.1, 138.1 (Jun 1 → Oct 17 03:00Z), 16.1, 60.0 (Nov 20 → Jan 20 07:00Z)
        assertThat(lead.path("buckets").path("0-7").asInt()).isEqualTo(1);
        assertThat(lead.path("buckets").path("8-30").asInt()).isEqualTo(1);
        assertThat(lead.path("buckets").path("31-90").asInt()).isEqualTo(2);
        assertThat(lead.path("buckets").path("91+").asInt()).isEqualTo(1);
        assertThat(lead.path("medianDays").asDouble()).isEqualTo(42.9);

        JsonNode lost = admin.get("/api/v1/analytics/cancellations?" + period()).json();
        assertThat(lost.path("rows")).extracting(r -> r.path("key").asText() + ":" + r.path("bookings").asInt())
                .containsExactly("EXPIRED:1", "NO_SHOW_NOT_ARRIVED:1", "OPERATOR_LATE:1", "SUPPLIER:1");
        assertThat(lost.path("total").path("lateCancellations").asInt()).isEqualTo(1);
        assertThat(lost.path("total").path("noShowCauses").path("NOT_ARRIVED").asInt()).isEqualTo(1);

        JsonNode top = admin.get("/api/v1/analytics/top-programs?" + period() + "&limit=1").json();
        assertThat(top.path("rows")).singleElement().satisfies(r -> {
            assertThat(r.path("rank").asInt()).isEqualTo(1);
            assertThat(r.path("programId").asText()).isEqualTo(s.zefir().id());
            assertThat(r.path("visitors").asInt()).isEqualTo(37);
            assertThat(r.path("expectedVisitors").asInt()).isEqualTo(20);
        });
    }

    @Test
    void anEnterpriseSeesItsOwnFiguresOnlyAndOperatorsNone() {
        scenario();
        awaitScenario();
        TestHttp own = TestHttp.localhost(port).withToken(TestTokens.enterprise(plant.id()));
        JsonNode mine = own.get("/api/v1/analytics/visitors?" + period() + "&groupBy=enterprise").assertStatus(200).json();
        assertThat(mine.path("enterpriseId").asText()).isEqualTo(plant.id());
        assertThat(mine.path("rows")).singleElement().satisfies(r -> assertThat(r.path("key").asText()).isEqualTo(plant.id()));
        own.get("/api/v1/analytics/visitors?" + period() + "&enterpriseId=" + factory.id()).assertStatus(403);
        TestHttp.localhost(port).withToken(TestTokens.operator("op-a")).get("/api/v1/analytics/visitors?" + period())
                .assertStatus(403);
        TestHttp.localhost(port).get("/api/v1/analytics/visitors?" + period()).assertStatus(401);
    }

    @Test
    void badInputIsA400WithAReason() {
        assertThat(admin.get("/api/v1/analytics/visitors?from=2026-10-01&to=2026-09-01").assertStatus(400).body())
                .contains("before");
        assertThat(admin.get("/api/v1/analytics/visitors?from=2026-10-01&to=2026-10-31&groupBy=slot").assertStatus(400).body())
                .contains("region|industry|enterprise|program|month|weekday");
        assertThat(admin.get("/api/v1/analytics/visitors?to=2026-10-31").assertStatus(400).body()).contains("from is required");
        assertThat(admin.get("/api/v1/analytics/visitors?from=2026-13-01&to=2026-10-31").assertStatus(400).body())
                .contains("from must be a date yyyy-MM-dd");
        assertThat(admin.get("/api/v1/analytics/visitors?from=2026-10-01&to=2026-10-31&region=moscow").assertStatus(400).body())
                .contains("RU-KLU");
        admin.get("/api/v1/analytics/visitors?from=2020-01-01&to=2026-10-31").assertStatus(400);
        admin.get("/api/v1/analytics/top-programs?from=2026-10-01&to=2026-10-31&limit=0").assertStatus(400);
    }

    @Test
    void csvOpensInExcelAndNeverRunsAFormula() {
        Program formula = kafka.program(factory, "=HYPERLINK(\"http://evil\")", 1000, 500);
        Slot slot = kafka.slot(formula, LocalDateTime.of(2026, 10, 20, 10, 0), 10);
        kafka.confirmed(slot, "op-a", 3, 0, Instant.parse("2026-10-01T00:00:00Z"));
        awaitReport("/api/v1/analytics/visitors?" + period(), 1, "bookings");
        TestHttp.Response csv = admin.get("/api/v1/analytics/visitors?" + period() + "&groupBy=program", "Accept", "text/csv")
                .assertStatus(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        byte[] bytes = csv.body().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Группа;Название;Бронирований;Мест;Посетили;Ожидаются;Детей;Взрослых;Школьных групп;Неявок");
        assertThat(lines.get(1)).isEqualTo(formula.id() + ";\"'=HYPERLINK(\"\"http://evil\"\")\";1;3;3;0;0;3;0;0");
        assertThat(lines.get(2)).startsWith("TOTAL;Итого;1;3");
        assertThat(ChronoUnit.DAYS.between(Instant.EPOCH, Instant.now())).isPositive();
    }
}
