package ru.promtour.catalog.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalog end to end on the store: enterprises in three regions and two zones, programs in
 * every state, slots before and after their cut-off. Every query carries the run's {@code marker} (in
 * every description) or is intersected with this class's fixtures, because the store is shared with
 * the other ITs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicCatalogIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final ZoneId IRKUTSK = ZoneId.of("Asia/Irkutsk");

    @LocalServerPort
    int port;


    /** Public calls: no Authorization header at all. */
    Api anyone;
    Api admin;
    final String marker = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final List<String> fixtures = new ArrayList<>();
    LocalDate msk;
    LocalDate irk;

    String zephyr;       // Kaluga, ru+en, minAge 7, CHILD 7-17, slots D+1, D+3
    String draft;        // never published
    String withdrawn;    // published, then unpublished
    String closedOnly;   // published, its only slot closed
    String dam;          // Irkutsk, ON_REQUEST, cut-off 240 h: slot D+5 not bookable, D+20 10:00, D+21 00:30
    String linen;        // Smolensk (Вязьма), ru+de, ADULT 18+, CHILD 3-12, slot D+2
    String seatsTest;    // Smolensk, slot D+4 of capacity 3 (the free-seat filter)
    String suspended;    // published, of a suspended enterprise
    String closedSlot;
    String seatsSlot;
    String damLateSlot;

    @BeforeAll
    void createFixtures() {
        FakeLedger.get();   // plays booking-service's seat ledger: holds seats, answers the close
        String base = "http://localhost:" + port;
        anyone = new Api(base, null);
        admin = new Api(base, TestTokens.admin());
        msk = LocalDate.now(MOSCOW);
        irk = LocalDate.now(IRKUTSK);

        Api kaluga = enterprise("Лукоморье " + marker, "RU-KLU", "Калуга", "CONFECTIONERY", "Europe/Moscow", 54.51, 36.26);
        Api irkutsk = enterprise("Ангара-ГЭС " + marker, "RU-IRK", "Иркутск", "HYDROPOWER", "Asia/Irkutsk", 52.24, 104.33);
        Api smolensk = enterprise("Льняной двор " + marker, "RU-SMO", "Вязьма", "TEXTILES", "Europe/Moscow", 55.21, 34.29);
        String suspendedId = CatalogData.uniqueEnterpriseId();
        Api gone = enterprise(suspendedId, "Закрытый завод " + marker, "RU-KLU", "Калуга", "CONFECTIONERY", "Europe/Moscow", 54.5, 36.2);

        zephyr = program(kaluga, "Как рождается зефир", "[\"ru\",\"en\"]", 7, "INSTANT", 2,
                "{\"type\":\"ADULT\",\"price\":80000},{\"type\":\"CHILD\",\"minAge\":7,\"maxAge\":17,\"price\":50000},{\"type\":\"ACCOMPANYING_ADULT\",\"price\":0}",
                true);
        slot(kaluga, zephyr, msk.plusDays(1) + "T10:00", 10);
        slot(kaluga, zephyr, msk.plusDays(3) + "T10:00", 5);

        draft = program(kaluga, "Черновик", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", false);
        slot(kaluga, draft, msk.plusDays(1) + "T11:00", 10);

        withdrawn = program(kaluga, "Снятая с продажи", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", true);
        slot(kaluga, withdrawn, msk.plusDays(1) + "T12:00", 10);
        assertThat(kaluga.post("/api/v1/excursions/" + withdrawn + "/unpublish", null).status()).isEqualTo(200);

        closedOnly = program(kaluga, "Только закрытые", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", true);
        closedSlot = slot(kaluga, closedOnly, msk.plusDays(2) + "T10:00", 10);
        assertThat(kaluga.post("/api/v1/slots/" + closedSlot + "/close", null).status()).isEqualTo(200);

        dam = program(irkutsk, "Плотина Иркутской ГЭС", "[\"ru\"]", 14, "ON_REQUEST", 240,
                "{\"type\":\"ADULT\",\"minAge\":18,\"price\":100000},{\"type\":\"STUDENT\",\"minAge\":14,\"maxAge\":25,\"price\":60000}",
                true);
        slot(irkutsk, dam, irk.plusDays(5) + "T10:00", 20);
        slot(irkutsk, dam, irk.plusDays(20) + "T10:00", 20);
        damLateSlot = slot(irkutsk, dam, irk.plusDays(21) + "T00:30", 20);

        linen = program(smolensk, "Лён: от поля до ткани", "[\"ru\",\"de\"]", 3, "INSTANT", 0,
                "{\"type\":\"ADULT\",\"minAge\":18,\"price\":70000},{\"type\":\"CHILD\",\"minAge\":3,\"maxAge\":12,\"price\":30000}",
                true);
        slot(smolensk, linen, msk.plusDays(2) + "T10:00", 10);

        seatsTest = program(smolensk, "Ткацкий цех", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":40000}", true);
        seatsSlot = slot(smolensk, seatsTest, msk.plusDays(4) + "T10:00", 3);

        suspended = program(gone, "Экскурсия приостановленного", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", true);
        slot(gone, suspended, msk.plusDays(1) + "T10:00", 10);
        assertThat(admin.put("/api/v1/enterprises/" + suspendedId, enterpriseBody(suspendedId, "Закрытый завод " + marker,
                "RU-KLU", "Калуга", "CONFECTIONERY", "Europe/Moscow", 54.5, 36.2, "SUSPENDED")).status()).isEqualTo(200);

        fixtures.addAll(List.of(zephyr, draft, withdrawn, closedOnly, dam, linen, seatsTest, suspended));
    }

    @Test
    void anyoneWithoutAKeySeesPublishedProgramsWithABookableSlotSoonestFirst() {
        TestHttp.Response response = anyone.get("/api/v1/catalog/excursions?q=" + marker);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(ids(response)).containsExactly(zephyr, linen, seatsTest, dam);
        assertThat(response.json().path("total").asInt()).isEqualTo(4);
        assertThat(response.json().path("page").asInt()).isZero();
        assertThat(response.json().path("size").asInt()).isEqualTo(20);

        JsonNode item = response.json().path("items").path(0);
        assertThat(item.path("title").path("ru").asString()).isEqualTo("Как рождается зефир");
        assertThat(item.path("enterprise").path("name").asString()).isEqualTo("Лукоморье " + marker);
        assertThat(item.path("enterprise").path("region").asString()).isEqualTo("RU-KLU");
        assertThat(item.path("enterprise").path("city").asString()).isEqualTo("Калуга");
        assertThat(item.path("enterprise").path("address").asString()).isEqualTo("ул. Заводская, 1");
        assertThat(item.path("enterprise").path("coordinates").path("lat").asDouble()).isEqualTo(54.51);
        assertThat(item.path("enterprise").path("industry").asString()).isEqualTo("CONFECTIONERY");
        assertThat(item.path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(item.path("languages").toString()).isEqualTo("[\"ru\",\"en\"]");
        assertThat(item.path("minAge").asInt()).isEqualTo(7);
        assertThat(item.path("bookingMode").asString()).isEqualTo("INSTANT");
        assertThat(item.path("priceFrom").path("amount").asLong()).as("lowest unit, the free accompanying adult aside").isEqualTo(50000);
        assertThat(item.path("priceFrom").path("currency").asString()).isEqualTo("RUB");
        JsonNode next = item.path("nextSlots");
        assertThat(next).hasSize(2);
        assertThat(next.path(0).path("start").asString()).isEqualTo(msk.plusDays(1) + "T10:00:00+03:00");
        assertThat(next.path(0).path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(next.path(0).path("available").asInt()).isEqualTo(10);
        assertThat(next.path(1).path("start").asString()).isEqualTo(msk.plusDays(3) + "T10:00:00+03:00");
    }

    @Test
    void draftsUnpublishedProgramsClosedSlotsAndSuspendedEnterprisesAreHidden() {
        List<String> found = ids(anyone.get("/api/v1/catalog/excursions?q=" + marker + "&dateTo=" + msk.plusDays(60)));

        assertThat(found).doesNotContain(draft, withdrawn, closedOnly, suspended).contains(zephyr, dam);
    }

    @Test
    void regionAndIndustryFilter() {
        assertThat(ids(search("region=RU-IRK"))).containsExactly(dam);
        assertThat(ids(search("region=RU-SMO"))).containsExactly(linen, seatsTest);
        assertThat(ids(search("region=RU-KLU"))).containsExactly(zephyr);
        assertThat(ids(search("region=RU-VLA"))).isEmpty();
        assertThat(ids(search("industry=TEXTILES"))).containsExactly(linen, seatsTest);
        assertThat(ids(search("industry=HYDROPOWER&region=RU-KLU"))).isEmpty();
    }

    @Test
    void languageFilter() {
        assertThat(ids(search("language=en"))).containsExactly(zephyr);
        assertThat(ids(search("language=de"))).containsExactly(linen);
        assertThat(ids(search("language=ru"))).containsExactly(zephyr, linen, seatsTest, dam);
    }

    @Test
    void ageMustBeAdmittedByTheProgramAndByOneOfItsUnits() {
        // 5: zephyr (7+) and dam (14+) refuse; linen's CHILD 3-12 admits; seatsTest's ADULT has no bounds
        assertThat(ids(search("age=5"))).containsExactly(linen, seatsTest);
        // 15: linen's units are 18+ and 3-12, so no unit admits it although its minAge (3) does
        assertThat(ids(search("age=15"))).containsExactly(zephyr, seatsTest, dam);
        assertThat(ids(search("age=40"))).containsExactly(zephyr, linen, seatsTest, dam);
    }

    @Test
    void datesAreLocalToEachExcursionsZoneAndTheBookingCutoffCounts() {
        // only D+3 in range: one of zephyr's two slots
        TestHttp.Response day3 = search("dateFrom=" + msk.plusDays(3) + "&dateTo=" + msk.plusDays(3));
        assertThat(ids(day3)).containsExactly(zephyr);
        assertThat(day3.json().path("items").path(0).path("nextSlots")).hasSize(1);

        // the dam's D+5 slot is inside its 240 h cut-off: not bookable, so not found
        assertThat(ids(search("dateFrom=" + irk.plusDays(5) + "&dateTo=" + irk.plusDays(5)))).doesNotContain(dam);

        // 00:30 in Irkutsk on D+21 is still D+20 in UTC and Moscow: it belongs to Irkutsk's D+21
        TestHttp.Response late = search("dateFrom=" + irk.plusDays(21) + "&dateTo=" + irk.plusDays(21));
        assertThat(ids(late)).containsExactly(dam);
        JsonNode slot = late.json().path("items").path(0).path("nextSlots").path(0);
        assertThat(slot.path("id").asString()).isEqualTo(damLateSlot);
        assertThat(slot.path("start").asString()).isEqualTo(irk.plusDays(21) + "T00:30:00+08:00");
        assertThat(slot.path("timeZone").asString()).isEqualTo("Asia/Irkutsk");

        TestHttp.Response day20 = search("dateFrom=" + irk.plusDays(20) + "&dateTo=" + irk.plusDays(20));
        assertThat(day20.json().path("items").path(0).path("nextSlots")).hasSize(1);
        assertThat(day20.json().path("items").path(0).path("nextSlots").path(0).path("start").asString())
                .isEqualTo(irk.plusDays(20) + "T10:00:00+08:00");

        // the default window is today + 30 days; beyond it nothing of ours
        assertThat(ids(search("dateFrom=" + msk.plusDays(40) + "&dateTo=" + msk.plusDays(50)))).isEmpty();
    }

    @Test
    void freeSeatFilterFollowsTheHolds() {
        String range = "&dateFrom=" + msk.plusDays(4) + "&dateTo=" + msk.plusDays(4);
        assertThat(ids(search("minFreeSeats=3" + range))).containsExactly(seatsTest);

        FakeLedger.get().holdSeen(admin, seatsSlot, 2);

        assertThat(ids(search("minFreeSeats=2" + range))).isEmpty();
        TestHttp.Response one = search("minFreeSeats=1" + range);
        assertThat(ids(one)).containsExactly(seatsTest);
        assertThat(one.json().path("items").path(0).path("nextSlots").path(0).path("available").asInt()).isEqualTo(1);
    }

    @Test
    void textSearchIsCaseInsensitiveOverTitleDescriptionEnterpriseNameAndCity() {
        assertThat(ours(anyone.get("/api/v1/catalog/excursions?q=" + encode("ЗЕФИР")))).containsExactly(zephyr);
        assertThat(ours(anyone.get("/api/v1/catalog/excursions?q=" + encode("лукоморье " + marker.toUpperCase())))).containsExactly(zephyr);
        assertThat(ours(anyone.get("/api/v1/catalog/excursions?q=" + encode("вязьма")))).containsExactlyInAnyOrder(linen, seatsTest);
        assertThat(ours(anyone.get("/api/v1/catalog/excursions?q=" + encode("описание " + marker)))).hasSize(4);
    }

    @Test
    void textIsTakenLiterallyNeverAsARegex() {
        for (String q : List.of(".*", "(", "[а-я]+", "\\", "$where", "a|b")) {
            TestHttp.Response response = anyone.get("/api/v1/catalog/excursions?q=" + encode(q) + "&dateTo=" + msk.plusDays(60));
            assertThat(response.status()).as(q + " " + response).isEqualTo(200);
            assertThat(ours(response)).as(q).isEmpty();
        }
    }

    @Test
    void pagesAreStableAndCountEverything() {
        TestHttp.Response first = search("size=2&page=0");
        TestHttp.Response second = search("size=2&page=1");
        TestHttp.Response beyond = search("size=2&page=5");

        assertThat(ids(first)).containsExactly(zephyr, linen);
        assertThat(ids(second)).containsExactly(seatsTest, dam);
        assertThat(ids(beyond)).isEmpty();
        for (TestHttp.Response page : List.of(first, second, beyond)) {
            assertThat(page.json().path("total").asInt()).isEqualTo(4);
            assertThat(page.json().path("size").asInt()).isEqualTo(2);
        }
        assertThat(beyond.json().path("page").asInt()).isEqualTo(5);
    }

    @Test
    void aListItemCarriesTheSiteRulesOfItsProgram() {
        JsonNode rules = search("region=RU-KLU").json().path("items").path(0).path("rules");

        assertThat(rules.path("ppe").asString()).isEqualTo("Халат и шапочка выдаются");
        assertThat(rules.path("dressCode").asString()).isEqualTo("Закрытая обувь");
        assertThat(rules.path("photoAllowed").asBoolean()).isFalse();
        assertThat(rules.path("documents").asString()).isEqualTo("NONE");
    }

    @Test
    void facetsCountThePublishedProgramsOfActiveEnterprisesByRegionIndustryAndLanguage() {
        // industry codes of this run only, so the counts are ours although the store is shared
        String letters = marker.toUpperCase().chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'A' + c - '0' : c)))
                .collect(Collectors.joining());
        String open = "FACET_" + letters;
        String gone = "GONE_" + letters;
        Api factory = enterprise(CatalogData.uniqueEnterpriseId(), "Фасет " + marker, "RU-TUL", "Тула", open, "Europe/Moscow", 54.2, 37.6);
        program(factory, "Первая", "[\"ru\",\"en\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", true);
        program(factory, "Вторая", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", true);
        program(factory, "Черновик фасета", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", false);
        String goneId = CatalogData.uniqueEnterpriseId();
        Api closed = enterprise(goneId, "Ушедший " + marker, "RU-TUL", "Тула", gone, "Europe/Moscow", 54.2, 37.6);
        program(closed, "Приостановленная", "[\"ru\"]", 0, "INSTANT", 0, "{\"type\":\"ADULT\",\"price\":1000}", true);
        assertThat(admin.put("/api/v1/enterprises/" + goneId, enterpriseBody(goneId, "Ушедший " + marker, "RU-TUL", "Тула",
                gone, "Europe/Moscow", 54.2, 37.6, "SUSPENDED")).status()).isEqualTo(200);

        TestHttp.Response response = anyone.get("/api/v1/catalog/facets");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode facets = response.json();
        assertThat(counts(facets.path("industries"))).containsEntry(open, 2L).doesNotContainKey(gone)
                .containsKeys("CONFECTIONERY", "HYDROPOWER", "TEXTILES");
        assertThat(counts(facets.path("regions"))).containsKeys("RU-KLU", "RU-IRK", "RU-SMO", "RU-TUL");
        assertThat(counts(facets.path("regions")).get("RU-TUL")).isGreaterThanOrEqualTo(2L);
        assertThat(counts(facets.path("languages"))).containsKeys("ru", "en", "de");
        long byRegion = counts(facets.path("regions")).values().stream().mapToLong(Long::longValue).sum();
        long byIndustry = counts(facets.path("industries")).values().stream().mapToLong(Long::longValue).sum();
        assertThat(byRegion).as("every counted program has one region and one industry").isEqualTo(byIndustry);
        List<String> codes = new ArrayList<>(counts(facets.path("regions")).keySet());
        assertThat(codes).isSorted();
    }

    private static Map<String, Long> counts(JsonNode facet) {
        Map<String, Long> counts = new LinkedHashMap<>();
        facet.forEach(entry -> counts.put(entry.path("code").asString(), entry.path("count").asLong()));
        return counts;
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @MethodSource("badParameters")
    void everyBadParameterIs400ProblemNamingIt(String query, String parameter) {
        TestHttp.Response response = anyone.get("/api/v1/catalog/excursions?" + query);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).as(response.toString()).contains(parameter);
    }

    Stream<Arguments> badParameters() {
        LocalDate today = LocalDate.now(MOSCOW);
        return Stream.of(
                Arguments.of("region=KLU", "region"),
                Arguments.of("region=RU-klu", "region"),
                Arguments.of("region=", "region"),
                Arguments.of("industry=confectionery", "industry"),
                Arguments.of("dateFrom=2026-13-01", "dateFrom"),
                Arguments.of("dateFrom=tomorrow", "dateFrom"),
                Arguments.of("dateFrom=1999-12-31", "dateFrom"),
                Arguments.of("dateTo=%2B999999999-12-31", "dateTo"),
                Arguments.of("dateFrom=" + today.plusDays(5) + "&dateTo=" + today, "dateTo"),
                Arguments.of("dateFrom=" + today + "&dateTo=" + today.plusDays(366), "dateTo"),
                Arguments.of("age=-1", "age"),
                Arguments.of("age=121", "age"),
                Arguments.of("age=ten", "age"),
                Arguments.of("age=99999999999", "age"),
                Arguments.of("language=rus", "language"),
                Arguments.of("language=RU", "language"),
                Arguments.of("minFreeSeats=0", "minFreeSeats"),
                Arguments.of("minFreeSeats=x", "minFreeSeats"),
                Arguments.of("q=" + "я".repeat(101), "q"),
                Arguments.of("page=-1", "page"),
                Arguments.of("page=1.5", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"));
    }

    @Test
    void theDetailShowsTheProgramAndTheComingSlotsWithoutAKey() {
        TestHttp.Response response = anyone.get("/api/v1/catalog/excursions/" + zephyr);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode d = response.json();
        assertThat(d.path("id").asString()).isEqualTo(zephyr);
        assertThat(d.path("description").path("ru").asString()).isEqualTo("Описание " + marker);
        assertThat(d.path("meetingPoint").asString()).isEqualTo("Проходная №1");
        assertThat(d.path("rules").path("ppe").asString()).isEqualTo("Халат и шапочка выдаются");
        assertThat(d.path("rules").path("documents").asString()).isEqualTo("NONE");
        assertThat(d.path("units")).hasSize(3);
        assertThat(d.path("units").path(1).path("type").asString()).isEqualTo("CHILD");
        assertThat(d.path("units").path(1).path("price").path("amount").asLong()).isEqualTo(50000);
        assertThat(d.path("units").path(1).path("maxAge").asInt()).isEqualTo(17);
        assertThat(d.path("enterprise").path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(d.path("enterprise").path("contacts").path("phone").asString()).isEqualTo("+74842000000");
        JsonNode availability = d.path("availability");
        assertThat(availability).hasSize(2);
        assertThat(availability.path(0).path("start").asString()).isEqualTo(msk.plusDays(1) + "T10:00:00+03:00");
        assertThat(availability.path(0).path("available").asInt()).isEqualTo(10);
        assertThat(availability.path(0).path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(d.toString()).doesNotContain("holds", "version", "outbox");
    }

    @Test
    void theDetailMarksClosedSlotsAndSlotsPastTheirCutoffAsClosed() {
        JsonNode closed = anyone.get("/api/v1/catalog/excursions/" + closedOnly).json().path("availability");
        assertThat(closed).hasSize(1);
        assertThat(closed.path(0).path("id").asString()).isEqualTo(closedSlot);
        assertThat(closed.path(0).path("status").asString()).isEqualTo("CLOSED");

        JsonNode damSlots = anyone.get("/api/v1/catalog/excursions/" + dam).json().path("availability");
        assertThat(damSlots).hasSize(3);
        assertThat(damSlots.path(0).path("start").asString()).isEqualTo(irk.plusDays(5) + "T10:00:00+08:00");
        assertThat(damSlots.path(0).path("status").asString()).as("inside the 240 h cut-off").isEqualTo("CLOSED");
        assertThat(damSlots.path(1).path("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void unpublishedUnknownAndSuspendedProgramsAre404Problems() {
        for (String id : List.of(draft, withdrawn, suspended, "exc-does-not-exist")) {
            TestHttp.Response response = anyone.get("/api/v1/catalog/excursions/" + id);
            assertThat(response.status()).as(id + " " + response).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theOpenApiDocumentShowsTheCatalogAsPublic() {
        JsonNode paths = anyone.get("/v3/api-docs").json().path("paths");

        for (String path : List.of("/api/v1/catalog/excursions", "/api/v1/catalog/excursions/{id}", "/api/v1/catalog/facets")) {
            JsonNode security = paths.path(path).path("get").path("security");
            assertThat(security.isArray()).as(path + " " + paths.path(path)).isTrue();
            assertThat(security).as(path).isEmpty();
        }
        assertThat(paths.path("/api/v1/excursions").path("get").has("security")).as("others keep the global bearer").isFalse();
    }

    private TestHttp.Response search(String query) {
        TestHttp.Response response = anyone.get("/api/v1/catalog/excursions?q=" + marker + "&" + query);
        assertThat(response.status()).as(query + " " + response).isEqualTo(200);
        return response;
    }

    private static List<String> ids(TestHttp.Response response) {
        List<String> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }

    /** The result ids that are this class's fixtures (the store holds other tests' data too). */
    private List<String> ours(TestHttp.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        Set<String> mine = Set.copyOf(fixtures);
        return ids(response).stream().filter(mine::contains).toList();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Api enterprise(String name, String region, String city, String industry, String zone, double lat, double lon) {
        return enterprise(CatalogData.uniqueEnterpriseId(), name, region, city, industry, zone, lat, lon);
    }

    private Api enterprise(String id, String name, String region, String city, String industry, String zone,
                           double lat, double lon) {
        TestHttp.Response created = admin.post("/api/v1/enterprises", enterpriseBody(id, name, region, city, industry, zone, lat, lon, "ACTIVE"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return admin.as(TestTokens.enterprise(id));
    }

    private static String enterpriseBody(String id, String name, String region, String city, String industry,
                                         String zone, double lat, double lon, String status) {
        return """
                {"id":"%s","name":"%s","legalName":"ООО «%s»","region":"%s","city":"%s","address":"ул. Заводская, 1",
                 "coordinates":{"lat":%s,"lon":%s},"industry":"%s","timeZone":"%s","status":"%s",
                 "contacts":{"phone":"+74842000000"}}
                """.formatted(id, name, name, region, city, lat, lon, industry, zone, status);
    }

    private String program(Api owner, String title, String languages, int minAge, String mode, int cutoffHours,
                           String units, boolean publish) {
        String body = """
                {"title":"%s","description":"Описание %s","durationMinutes":90,"languages":%s,"minAge":%d,
                 "bookingMode":"%s","meetingPoint":"Проходная №1",
                 "rules":{"ppe":"Халат и шапочка выдаются","dressCode":"Закрытая обувь","photoAllowed":false,"documents":"NONE"},
                 "units":[%s],"minUnits":1,"maxUnits":40,"bookingCutoffHours":%d,"cancellationCutoffHours":24}
                """.formatted(title, marker, languages, minAge, mode, units, cutoffHours);
        TestHttp.Response created = owner.post("/api/v1/excursions", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        if (publish) {
            TestHttp.Response published = owner.post("/api/v1/excursions/" + id + "/publish", null);
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
        }
        return id;
    }

    private static String slot(Api owner, String excursionId, String localStart, int capacity) {
        TestHttp.Response created = owner.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"" + localStart + "\",\"capacity\":" + capacity + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }
}
