package ru.promtour.catalog.octo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.FakeLedger;
import ru.promtour.catalog.testdata.RouteData;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.octo.OctoSchemas;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.promtour.catalog.testdata.RouteData.leg;
import static ru.promtour.catalog.testdata.RouteData.route;

/**
 * A route as an OCTO product, end to end on the real store. Two Kaluga enterprises (Moscow time) publish the
 * issue's 90-minute program; the admin's route visits the first between 09:00 and 12:00 and the second between
 * 11:00 and 16:00, 40 minutes after the first ends. Slots (40 seats each), local time:
 * <pre>
 *              marshmallow   cheese
 *   2099-04-01 10:00         12:00 (too soon: 10:00 + 90 + 40 = 12:10), 14:00
 *   2099-04-02 10:00         14:00
 *   2099-04-03 10:00         (none)
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class RouteOctoIT {

    @LocalServerPort
    int port;

    Api admin;
    Api fruzhe;
    Api cheese;
    Api operator;
    String marshmallow;
    String cheeseTour;
    String routeId;
    String a1;
    String a2;
    String a3;
    String b1Noon;
    String b1;
    String b2;

    @BeforeEach
    void setUp() {
        FakeLedger.get();   // plays booking-service's seat ledger
        String base = "http://localhost:" + port;
        admin = new Api(base, TestTokens.admin());
        fruzhe = Api.newEnterprise(base, "Europe/Moscow");
        cheese = Api.newEnterprise(base, "Europe/Moscow");
        marshmallow = RouteData.publishedProgram(fruzhe);
        cheeseTour = RouteData.publishedProgram(cheese);
        a1 = slot(fruzhe, marshmallow, "2099-04-01T10:00");
        a2 = slot(fruzhe, marshmallow, "2099-04-02T10:00");
        a3 = slot(fruzhe, marshmallow, "2099-04-03T10:00");
        b1Noon = slot(cheese, cheeseTour, "2099-04-01T12:00");
        b1 = slot(cheese, cheeseTour, "2099-04-01T14:00");
        b2 = slot(cheese, cheeseTour, "2099-04-02T14:00");
        TestHttp.Response created = admin.post("/api/v1/routes",
                route("Калуга промышленная", leg(marshmallow, "09:00", "12:00", 0), leg(cheeseTour, "11:00", "16:00", 40)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        routeId = created.text("id");
        operator = admin.as(TestTokens.operator("op-" + UUID.randomUUID()));
    }

    private static String slot(Api owner, String excursionId, String localStart) {
        TestHttp.Response created = owner.post("/api/v1/excursions/" + excursionId + "/slots",
                "{\"localStart\":\"%s\",\"capacity\":40}".formatted(localStart));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private TestHttp.Response availability(String rest) {
        return operator.post("/octo/availability", "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",%s}".formatted(routeId, rest));
    }

    private static JsonNode byId(JsonNode array, String id) {
        for (JsonNode element : array) {
            if (element.path("id").asString().equals(id)) {
                return element;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    @Test
    void theRouteIsAProductWithItsLegsListedAndUnitsPricedAtTheSumOfTheLegs() {
        Api priced = operator.withHeader("Octo-Capabilities", "octo/pricing");
        TestHttp.Response list = priced.get("/octo/products");

        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Product", list.body());
        JsonNode product = byId(list.json(), routeId);
        assertThat(list.json().findValuesAsString("id")).contains(marshmallow, cheeseTour);
        assertThat(product.path("internalName").asString()).isEqualTo("Калуга промышленная");
        assertThat(product.path("timeZone").asString()).isEqualTo("Europe/Moscow");
        assertThat(product.path("availabilityType").asString()).isEqualTo("START_TIME");
        JsonNode option = product.path("options").path(0);
        assertThat(option.path("id").asString()).isEqualTo("DEFAULT");
        assertThat(option.path("availabilityLocalStartTimes").toString()).as("the first leg's, in its window").isEqualTo("[\"10:00\"]");
        assertThat(option.path("units").findValuesAsString("id")).containsExactly("adult", "child");
        assertThat(option.path("units").path(0).path("pricing").path(0).path("retail").asLong()).isEqualTo(160000);
        assertThat(option.path("units").path(1).path("pricing").path(0).path("retail").asLong()).isEqualTo(100000);
        JsonNode legs = product.path("legs");
        assertThat(legs.findValuesAsString("productId")).containsExactly(marshmallow, cheeseTour);
        assertThat(legs.path(1).path("earliestLocalTime").asString()).isEqualTo("11:00");
        assertThat(legs.path(1).path("latestLocalTime").asString()).isEqualTo("16:00");
        assertThat(legs.path(1).path("transferMinutes").asInt()).isEqualTo(40);
        assertThat(legs.path(1).path("durationMinutes").asInt()).isEqualTo(90);

        TestHttp.Response one = priced.get("/octo/products/" + routeId);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Product", one.body());
        assertThat(one.json()).isEqualTo(product);
    }

    @Test
    void anOperatorSellsItsOwnRoutesAndTheAdminsNotAnotherOperatorsNorAWithdrawnOne() {
        String ownerId = "op-" + UUID.randomUUID();
        Api owner = admin.as(TestTokens.operator(ownerId));
        String own = owner.post("/api/v1/routes",
                route("Своя", leg(marshmallow, "09:00", "12:00", 0), leg(cheeseTour, "11:00", "16:00", 40))).text("id");

        assertThat(owner.get("/octo/products").json().findValuesAsString("id")).contains(own, routeId);
        assertThat(owner.get("/octo/products/" + own).text("reference")).isEqualTo(ownerId);
        assertThat(operator.get("/octo/products").json().findValuesAsString("id")).contains(routeId).doesNotContain(own);
        assertInvalidProduct(operator.get("/octo/products/" + own), own);
        assertInvalidProduct(operator.post("/octo/availability",
                "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"localDate\":\"2099-04-02\"}".formatted(own)), own);

        assertThat(admin.send("DELETE", "/api/v1/routes/" + routeId, null).status()).isEqualTo(200);
        assertInvalidProduct(operator.get("/octo/products/" + routeId), routeId);
        assertThat(operator.get("/octo/products").json().findValuesAsString("id")).doesNotContain(routeId);
    }

    @Test
    void onlyDatesWithACompatibleChainAreAvailableItsIdIsTheChainAndItsVacanciesTheFewest() {
        FakeLedger ledger = FakeLedger.get();
        ledger.holdSeen(cheese, b1, 40);     // the one compatible cheese slot of 1 April is full
        ledger.holdSeen(fruzhe, a2, 5);      // 35 left
        ledger.holdSeen(cheese, b2, 10);     // 30 left

        TestHttp.Response range = availability("\"localDateStart\":\"2099-04-01\",\"localDateEnd\":\"2099-04-03\"");

        assertThat(range.status()).as(range.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Availability", range.body());
        assertThat(range.json()).as("1 April: only the too-early noon slot has room; 3 April: no cheese slot").hasSize(1);
        JsonNode second = range.json().path(0);
        assertThat(second.path("id").asString()).isEqualTo(a2 + "~" + b2);
        assertThat(second.path("localDateTimeStart").asString()).isEqualTo("2099-04-02T10:00:00+03:00");
        assertThat(second.path("localDateTimeEnd").asString()).isEqualTo("2099-04-02T15:30:00+03:00");
        assertThat(second.path("vacancies").asInt()).isEqualTo(30);
        assertThat(second.path("capacity").asInt()).isEqualTo(40);
        assertThat(second.path("maxUnits").asInt()).isEqualTo(30);
        assertThat(second.path("available").asBoolean()).isTrue();
        assertThat(second.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(second.path("utcCutoffAt").asString()).as("the first leg's: 2 h before 10:00 MSK").isEqualTo("2099-04-02T05:00:00Z");
        assertThat(second.path("allDay").asBoolean()).isFalse();

        TestHttp.Response tooMany = availability("\"localDate\":\"2099-04-02\",\"units\":[{\"id\":\"adult\",\"quantity\":31}]");
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(200);
        assertThat(tooMany.json()).as("31 do not fit the cheese slot").isEmpty();
        TestHttp.Response thirty = availability("\"localDate\":\"2099-04-02\",\"units\":[{\"id\":\"adult\",\"quantity\":30}]");
        assertThat(thirty.json().findValuesAsString("id")).containsExactly(a2 + "~" + b2);

        TestHttp.Response calendar = operator.post("/octo/availability/calendar",
                "{\"productId\":\"%s\",\"optionId\":\"DEFAULT\",\"localDateStart\":\"2099-04-01\",\"localDateEnd\":\"2099-04-03\"}".formatted(routeId));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("AvailabilityCalendar", calendar.body());
        assertThat(calendar.json().findValuesAsString("status")).containsExactly("CLOSED", "AVAILABLE", "CLOSED");
        assertThat(calendar.json().path(1).path("vacancies").asInt()).isEqualTo(30);
        assertThat(calendar.json().path(0).path("available").asBoolean()).isFalse();
    }

    @Test
    void aChainAskedForByIdIsCheckedAndGradedAsItIsAnIncompatibleOneIsAnInvalidAvailabilityId() {
        FakeLedger.get().holdSeen(cheese, b1, 40);

        TestHttp.Response known = availability("\"availabilityIds\":[\"%s~%s\",\"%s~%s\"]".formatted(a2, b2, a1, b1));
        assertThat(known.status()).as(known.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Availability", known.body());
        assertThat(known.json().findValuesAsString("id")).containsExactly(a2 + "~" + b2, a1 + "~" + b1);
        JsonNode full = known.json().path(1);
        assertThat(full.path("status").asString()).isEqualTo("SOLD_OUT");
        assertThat(full.path("available").asBoolean()).isFalse();
        assertThat(full.path("vacancies").asInt()).isZero();

        for (String id : List.of(a1 + "~" + b1Noon, b2 + "~" + a2, a3 + "~" + b2, a2, a2 + "~" + b2 + "~" + b1, "slot-x~slot-y")) {
            TestHttp.Response refused = availability("\"availabilityIds\":[\"%s\"]".formatted(id));
            assertThat(refused.status()).as(id + ": " + refused).isEqualTo(400);
            OctoSchemas.assertMatches("ErrorInvalidAvailabilityID", refused.body());
            assertThat(refused.text("error")).isEqualTo("INVALID_AVAILABILITY_ID");
            assertThat(refused.text("availabilityId")).isEqualTo(id);
        }
        TestHttp.Response unit = availability("\"localDate\":\"2099-04-02\",\"units\":[{\"id\":\"senior\",\"quantity\":1}]");
        assertThat(unit.text("error")).isEqualTo("INVALID_UNIT_ID");
    }

    private static void assertInvalidProduct(TestHttp.Response response, String id) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        OctoSchemas.assertMatches("ErrorInvalidProductID", response.body());
        assertThat(response.text("error")).isEqualTo("INVALID_PRODUCT_ID");
        assertThat(response.text("productId")).isEqualTo(id);
    }
}
