package ru.promtour.catalog.octo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import ru.promtour.test.octo.OctoSchemas;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * OCTO end to end on the real store: an Irkutsk enterprise publishes a program with a schedule (10:00 and
 * 14:00 local, 1-3 March 2099, 40 seats), an operator reads it through /octo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class OctoIT {

    static final ZoneId IRKUTSK = ZoneId.of("Asia/Irkutsk");
    static final String SCHEDULE = """
            {"daysOfWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],
             "times":["10:00","14:00"],"from":"2099-03-01","to":"2099-03-03","capacity":40}""";

    @LocalServerPort
    int port;

    Api owner;
    Api operator;
    String productId;
    /** Slot ids by local start, e.g. {@code 2099-03-01T10:00}. */
    Map<String, String> slots = new HashMap<>();

    @BeforeEach
    void setUp() {
        FakeLedger.get();   // plays booking-service's seat ledger: holds seats, answers the closes
        owner = Api.newEnterprise("http://localhost:" + port, "Asia/Irkutsk");
        operator = owner.as(TestTokens.operator("op-" + UUID.randomUUID()));
        productId = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        assertThat(owner.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        assertThat(owner.post("/api/v1/excursions/" + productId + "/schedules", SCHEDULE).status()).isEqualTo(201);
        owner.get("/api/v1/excursions/" + productId + "/slots?from=2099-03-01&to=2099-03-03").json()
                .forEach(slot -> slots.put(slot.path("start").asString().substring(0, 16), slot.path("id").asString()));
        assertThat(slots).hasSize(6);
    }

    private TestHttp.Response availability(String body) {
        return operator.post("/octo/availability", body.replace("{product}", productId));
    }

    private TestHttp.Response calendar(String body) {
        return operator.post("/octo/availability/calendar", body.replace("{product}", productId));
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode element : array) {
            if (element.path("id").asString().equals(id)) {
                return element;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    private void hold(String slotId, int units) {
        FakeLedger.get().holdSeen(owner, slotId, units);
    }

    @Test
    void theOperatorSeesThePublishedProgramAsAProduct() {
        TestHttp.Response list = operator.get("/octo/products");

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Product", list.body());
        JsonNode product = byId(list.json(), productId);
        assertThat(product.path("timeZone").asString()).isEqualTo("Asia/Irkutsk");
        assertThat(product.path("internalName").asString()).isEqualTo("Как рождается зефир");
        assertThat(product.path("instantConfirmation").asBoolean()).isTrue();
        JsonNode option = product.path("options").path(0);
        assertThat(option.path("id").asString()).isEqualTo("DEFAULT");
        assertThat(option.path("availabilityLocalStartTimes").toString()).isEqualTo("[\"10:00\",\"14:00\"]");
        assertThat(option.path("cancellationCutoffAmount").asInt()).isEqualTo(24);
        assertThat(option.path("units").findValuesAsString("id")).containsExactly("adult", "child");

        TestHttp.Response one = operator.get("/octo/products/" + productId);
        assertThat(one.status()).isEqualTo(200);
        OctoSchemas.assertMatches("Product", one.body());
        assertThat(one.json()).isEqualTo(product);
    }

    @Test
    void availabilityShowsEachSlotInIrkutskTimeWithItsVacanciesAfterAHold() {
        hold(slots.get("2099-03-01T10:00"), 5);

        TestHttp.Response response = availability("{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Availability", response.body());
        JsonNode all = response.json();
        assertThat(all).hasSize(2);
        JsonNode morning = all.path(0);
        assertThat(morning.path("id").asString()).isEqualTo(slots.get("2099-03-01T10:00"));
        assertThat(morning.path("localDateTimeStart").asString()).isEqualTo("2099-03-01T10:00:00+08:00");
        assertThat(morning.path("localDateTimeEnd").asString()).isEqualTo("2099-03-01T11:30:00+08:00");
        assertThat(morning.path("utcCutoffAt").asString()).isEqualTo("2099-03-01T00:00:00Z");
        assertThat(morning.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(morning.path("available").asBoolean()).isTrue();
        assertThat(morning.path("vacancies").asInt()).isEqualTo(35);
        assertThat(morning.path("capacity").asInt()).isEqualTo(40);
        assertThat(morning.path("maxUnits").asInt()).isEqualTo(35);
        assertThat(all.path(1).path("localDateTimeStart").asString()).isEqualTo("2099-03-01T14:00:00+08:00");
        assertThat(all.path(1).path("vacancies").asInt()).isEqualTo(40);
    }

    @Test
    void soldOutLimitedAndClosedSlotsAreGradedAsAReserveWouldMeetThem() {
        hold(slots.get("2099-03-02T10:00"), 40);
        hold(slots.get("2099-03-02T14:00"), 36);
        assertThat(owner.post("/api/v1/slots/" + slots.get("2099-03-03T10:00") + "/close", "{}").status()).isEqualTo(200);

        JsonNode all = availability("{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"localDateStart\":\"2099-03-02\",\"localDateEnd\":\"2099-03-03\"}").json();

        assertThat(all).hasSize(4);
        JsonNode soldOut = byId(all, slots.get("2099-03-02T10:00"));
        assertThat(soldOut.path("status").asString()).isEqualTo("SOLD_OUT");
        assertThat(soldOut.path("available").asBoolean()).isFalse();
        assertThat(soldOut.path("vacancies").asInt()).isZero();
        JsonNode limited = byId(all, slots.get("2099-03-02T14:00"));
        assertThat(limited.path("status").asString()).isEqualTo("LIMITED");
        assertThat(limited.path("vacancies").asInt()).isEqualTo(4);
        assertThat(limited.path("available").asBoolean()).isTrue();
        JsonNode closed = byId(all, slots.get("2099-03-03T10:00"));
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("available").asBoolean()).isFalse();
        assertThat(byId(all, slots.get("2099-03-03T14:00")).path("status").asString()).isEqualTo("AVAILABLE");
    }

    @Test
    void aSlotPastItsBookingCutoffIsClosed() {
        LocalDateTime soon = LocalDateTime.now(IRKUTSK).plusHours(1).truncatedTo(ChronoUnit.MINUTES);
        TestHttp.Response created = owner.post("/api/v1/excursions/" + productId + "/slots",
                "{\"localStart\":\"" + soon + "\",\"capacity\":40}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        JsonNode all = availability("{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"availabilityIds\":[\"" + created.text("id") + "\"]}").json();

        assertThat(all).hasSize(1);
        assertThat(all.path(0).path("status").asString()).as("cut-off is 2 h, the start 1 h away").isEqualTo("CLOSED");
        assertThat(all.path(0).path("available").asBoolean()).isFalse();
        assertThat(all.path(0).path("localDateTimeStart").asString()).endsWith("+08:00");
    }

    @Test
    void unitsThatDoNotFitMakeAnAvailabilityUnavailable() {
        String slotId = slots.get("2099-03-01T14:00");
        hold(slotId, 5);
        String body = "{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"availabilityIds\":[\"" + slotId + "\"],"
                + "\"units\":[{\"id\":\"adult\",\"quantity\":%d},{\"id\":\"child\",\"quantity\":5}]}";

        JsonNode fits = availability(body.formatted(30)).json().path(0);
        JsonNode tooMany = availability(body.formatted(31)).json().path(0);

        assertThat(fits.path("available").asBoolean()).isTrue();
        assertThat(tooMany.path("available").asBoolean()).isFalse();
        assertThat(tooMany.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(tooMany.path("vacancies").asInt()).isEqualTo(35);
    }

    @Test
    void theCalendarAggregatesEachLocalDate() {
        hold(slots.get("2099-03-01T10:00"), 5);
        hold(slots.get("2099-03-02T10:00"), 40);
        assertThat(owner.post("/api/v1/slots/" + slots.get("2099-03-02T14:00") + "/close", "{}").status()).isEqualTo(200);

        TestHttp.Response response = calendar("{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2099-03-04\"}");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("AvailabilityCalendar", response.body());
        JsonNode days = response.json();
        assertThat(days.findValuesAsString("localDate")).containsExactly("2099-03-01", "2099-03-02", "2099-03-03", "2099-03-04");
        assertThat(days.path(0).path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(days.path(0).path("vacancies").asInt()).as("the most one start takes").isEqualTo(40);
        assertThat(days.path(0).path("capacity").asInt()).isEqualTo(80);
        assertThat(days.path(1).path("status").asString()).as("one sold out, one closed").isEqualTo("SOLD_OUT");
        assertThat(days.path(1).path("available").asBoolean()).isFalse();
        assertThat(days.path(1).path("vacancies").asInt()).isZero();
        assertThat(days.path(2).path("available").asBoolean()).isTrue();
        assertThat(days.path(3).path("status").asString()).as("no slots").isEqualTo("CLOSED");
        assertThat(days.path(3).path("available").asBoolean()).isFalse();
    }

    @Test
    void pricingComesOnlyWithTheCapabilityWhichIsEchoed() {
        Api priced = operator.withHeader("Octo-Capabilities", "octo/content, octo/pricing");

        TestHttp.Response product = priced.get("/octo/products/" + productId);
        assertThat(product.header("Octo-Capabilities")).as("only what is supported").isEqualTo("octo/pricing");
        OctoSchemas.assertMatches("Product", product.body());
        assertThat(product.json().path("options").path(0).path("units").path(0).path("pricing").path(0).path("retail").asLong())
                .isEqualTo(80000);
        TestHttp.Response availability = priced.post("/octo/availability", ("{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\","
                + "\"units\":[{\"id\":\"adult\",\"quantity\":2},{\"id\":\"child\",\"quantity\":1}]}").formatted(productId));
        assertThat(availability.header("Octo-Capabilities")).isEqualTo("octo/pricing");
        OctoSchemas.assertEachMatches("Availability", availability.body());
        assertThat(availability.json().path(0).path("pricing").path("retail").asLong()).isEqualTo(210000);
        assertThat(availability.json().path(0).path("pricing").path("currency").asString()).isEqualTo("RUB");
        TestHttp.Response calendar = priced.post("/octo/availability/calendar", ("{\"productId\":\"%s\",\"optionId\":\"DEFAULT\","
                + "\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2099-03-01\"}").formatted(productId));
        assertThat(calendar.json().path(0).path("pricingFrom").path("retail").asLong()).isEqualTo(50000);

        TestHttp.Response plain = operator.get("/octo/products/" + productId);
        assertThat(plain.header("Octo-Capabilities")).isEmpty();
        assertThat(plain.body()).doesNotContain("pricing", "RUB");
        assertThat(availability("{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\"}").body())
                .doesNotContain("pricing");
    }

    @Test
    void aProgramThatIsNotPublishedIsAnInvalidProductId() {
        String draft = owner.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");

        for (String id : List.of(draft, "exc-unknown")) {
            TestHttp.Response one = operator.get("/octo/products/" + id);
            assertInvalidProduct(one, id);
            assertInvalidProduct(operator.post("/octo/availability",
                    "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\"}".formatted(id)), id);
        }
        assertThat(operator.get("/octo/products").json().findValuesAsString("id")).contains(productId).doesNotContain(draft);

        owner.post("/api/v1/excursions/" + productId + "/unpublish", null);
        assertInvalidProduct(operator.get("/octo/products/" + productId), productId);
        assertThat(operator.get("/octo/products").json().findValuesAsString("id")).doesNotContain(productId);
    }

    @Test
    void slotsOfAnotherProductAndProgramsOfASuspendedEnterpriseAreNotOffered() {
        Api other = Api.newEnterprise("http://localhost:" + port, "Europe/Moscow");
        String otherProduct = other.post("/api/v1/excursions", CatalogData.ISSUE_EXCURSION).text("id");
        other.post("/api/v1/excursions/" + otherProduct + "/publish", null);
        String otherSlot = other.post("/api/v1/excursions/" + otherProduct + "/slots",
                "{\"localStart\":\"2099-03-01T10:00\",\"capacity\":40}").text("id");

        JsonNode mixed = availability("{\"productId\":\"{product}\",\"optionId\":\"DEFAULT\",\"availabilityIds\":[\""
                + otherSlot + "\",\"" + slots.get("2099-03-01T10:00") + "\"]}").json();
        assertThat(mixed.findValuesAsString("id")).containsExactly(slots.get("2099-03-01T10:00"));

        String enterpriseId = owner.get("/api/v1/excursions/" + productId).text("enterpriseId");
        TestHttp.Response suspended = owner.as(TestTokens.admin()).put("/api/v1/enterprises/" + enterpriseId,
                CatalogData.enterprise(enterpriseId, "Asia/Irkutsk").replace("\"timeZone\"", "\"status\":\"SUSPENDED\",\"timeZone\""));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertInvalidProduct(operator.get("/octo/products/" + productId), productId);
        assertThat(operator.get("/octo/products").json().findValuesAsString("id")).contains(otherProduct).doesNotContain(productId);
    }

    private static void assertInvalidProduct(TestHttp.Response response, String id) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        OctoSchemas.assertMatches("ErrorInvalidProductID", response.body());
        assertThat(response.text("error")).isEqualTo("INVALID_PRODUCT_ID");
        assertThat(response.text("productId")).isEqualTo(id);
    }

    static Stream<Arguments> badRequests() {
        String base = "\"productId\":\"{product}\",\"optionId\":\"DEFAULT\"";
        return Stream.of(
                arguments("/octo/availability", "{\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\"}", "INVALID_PRODUCT_ID", "ErrorInvalidProductID"),
                arguments("/octo/availability", "{\"productId\":\"{product}\",\"optionId\":\"VIP\",\"localDate\":\"2099-03-01\"}", "INVALID_OPTION_ID", "ErrorInvalidOptionID"),
                arguments("/octo/availability", "{\"productId\":\"{product}\",\"localDate\":\"2099-03-01\"}", "INVALID_OPTION_ID", "ErrorInvalidOptionID"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"units\":[{\"id\":\"infant\",\"quantity\":1}]}", "INVALID_UNIT_ID", "ErrorInvalidUnitID"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"units\":[{\"quantity\":1}]}", "INVALID_UNIT_ID", "ErrorInvalidUnitID"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"units\":[{\"id\":\"adult\",\"quantity\":-1}]}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"units\":[{\"id\":\"adult\",\"quantity\":\"two\"}]}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"units\":[{\"id\":\"adult\",\"quantity\":1.5}]}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + "}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2099-03-02\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDateStart\":\"2099-03-01\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDateStart\":\"2099-03-05\",\"localDateEnd\":\"2099-03-01\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDateStart\":\"2099-01-01\",\"localDateEnd\":\"2100-01-02\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"tomorrow\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-02-30\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"currency\":\"USD\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"availabilityIds\":[\"\"]}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"availabilityIds\":\"slot-1\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDate\":\"2099-03-01\",\"availabilityIds\":[\"slot-1\"]}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{" + base + ",\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2099-03-02\",\"availabilityIds\":[\"slot-1\"]}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "{not json", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability", "[]", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability/calendar", "{" + base + "}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability/calendar", "{" + base + ",\"localDate\":\"2099-03-01\"}", "BAD_REQUEST", "ErrorBadRequest"),
                arguments("/octo/availability/calendar", "{\"productId\":\"{product}\",\"optionId\":\"X\",\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2099-03-02\"}", "INVALID_OPTION_ID", "ErrorInvalidOptionID"),
                arguments("/octo/availability/calendar", "{" + base + ",\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2099-03-02\",\"units\":[{\"id\":\"pet\",\"quantity\":1}]}", "INVALID_UNIT_ID", "ErrorInvalidUnitID"),
                arguments("/octo/availability/calendar", "{" + base + ",\"localDateStart\":\"2099-03-01\",\"localDateEnd\":\"2101-03-02\"}", "BAD_REQUEST", "ErrorBadRequest"));
    }

    @ParameterizedTest(name = "{0} {1} → 400 {2}")
    @MethodSource("badRequests")
    void everyBadInputIsA400WithTheOctoCode(String path, String body, String code, String schema) {
        TestHttp.Response response = operator.post(path, body.replace("{product}", productId));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.text("error")).as(response.body()).isEqualTo(code);
        assertThat(response.text("errorMessage")).isNotBlank();
        OctoSchemas.assertMatches(schema, response.body());
    }

    @Test
    void otherMistakesUnderOctoAnswerInTheOctoShapeToo() {
        TestHttp.Response unknown = operator.get("/octo/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("error")).isEqualTo("NOT_FOUND");
        OctoSchemas.assertMatches("BaseError", unknown.body());

        TestHttp.Response wrongMethod = operator.send("DELETE", "/octo/products/" + productId, null);
        assertThat(wrongMethod.status()).isEqualTo(404);
        assertThat(wrongMethod.contentType()).startsWith("application/json");

        TestHttp.Response text = operator.withHeader("Content-Type", "text/plain")
                .post("/octo/availability", "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\"}".formatted(productId));
        assertThat(text.status()).as(text.toString()).isEqualTo(400);
        assertThat(text.text("error")).isEqualTo("BAD_REQUEST");

        TestHttp.Response trailingSlash = operator.get("/octo/products/");
        assertThat(trailingSlash.status()).as("the spec's own spelling").isEqualTo(200);
    }

    @Test
    void enterpriseAndAdminTokensAreForbiddenOnOcto() {
        for (Api caller : List.of(owner, owner.as(TestTokens.admin()))) {
            for (TestHttp.Response response : List.of(caller.get("/octo/products"), caller.get("/octo/supplier"),
                    caller.post("/octo/availability", "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-03-01\"}".formatted(productId)))) {
                assertThat(response.status()).as(response.toString()).isEqualTo(403);
                assertThat(response.text("error")).isEqualTo("FORBIDDEN");
            }
        }
    }

    @Test
    void supplierAndCapabilitiesDescribeThePlatform() {
        TestHttp.Response supplier = operator.get("/octo/supplier");
        assertThat(supplier.status()).isEqualTo(200);
        OctoSchemas.assertMatches("Supplier", supplier.body());
        assertThat(supplier.text("name")).isEqualTo("Открытая промышленность");
        assertThat(supplier.text("endpoint")).isEqualTo("http://localhost:8080/octo");

        TestHttp.Response capabilities = operator.get("/octo/capabilities");
        assertThat(capabilities.status()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Capability", capabilities.body());
        assertThat(capabilities.json().findValuesAsString("id")).containsExactly("octo/pricing", "octo/webhooks");
    }
}
