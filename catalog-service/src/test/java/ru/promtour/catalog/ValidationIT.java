package ru.promtour.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import ru.promtour.catalog.testdata.Api;
import ru.promtour.catalog.testdata.CatalogData;
import ru.promtour.test.infra.ImportTestInfrastructure;
import ru.promtour.test.security.TestSecurityConfiguration;
import ru.promtour.test.security.TestTokens;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every bad input is a 400 problem+json whose errors name the field; never a 500. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ImportTestInfrastructure
@Import(TestSecurityConfiguration.class)
class ValidationIT {

    private static final String EX = CatalogData.ISSUE_EXCURSION;
    private static final String ENT = CatalogData.enterprise("ent-valid-x", "Europe/Moscow");

    @LocalServerPort
    int port;

    Api enterprise;
    String excursionId;
    String slotId;

    @BeforeEach
    void setUp() {
        Api admin = new Api("http://localhost:" + port, TestTokens.admin());
        String id = CatalogData.uniqueEnterpriseId();
        admin.post("/api/v1/enterprises", CatalogData.enterprise(id, "Europe/Moscow"));
        enterprise = admin.as(TestTokens.enterprise(id));
        excursionId = enterprise.post("/api/v1/excursions", EX).text("id");
        slotId = enterprise.post("/api/v1/excursions/" + excursionId + "/slots", "{\"localStart\":\"2099-01-01T10:00\",\"capacity\":5}").text("id");
    }

    static Stream<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>(List.of(
                arguments("POST", "/api/v1/excursions", "{not json", "body"),
                arguments("POST", "/api/v1/excursions", "", "body"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"title\":\"Как рождается зефир\",", ""), "title"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"durationMinutes\":90", "\"durationMinutes\":\"long\""), "durationMinutes"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"durationMinutes\":90", "\"durationMinutes\":0"), "durationMinutes"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"INSTANT\"", "\"SOMETIMES\""), "bookingMode"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"documents\":\"NONE\"", "\"documents\":\"VISA\""), "rules.documents"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"price\":50000", "\"price\":-1"), "units[1].price"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"type\":\"CHILD\"", "\"type\":\"ROBOT\""), "units[1].type"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"type\":\"CHILD\"", "\"type\":\"ADULT\""), "units[1].id"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"languages\":[\"ru\"]", "\"languages\":[\"russian\"]"), "languages[0]"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"maxUnits\":40", "\"maxUnits\":0"), "maxUnits"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"minAge\":7,\"bookingMode\"", "\"minAge\":7.5,\"bookingMode\""), "minAge"),
                arguments("POST", "/api/v1/excursions", EX.replace("\"rules\":{", "\"rules\":[").replace("\"documents\":\"NONE\"}", "\"documents\":\"NONE\"]"), "rules"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("RU-KLU", "KALUGA"), "region"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("Europe/Moscow", "Mars/Olympus"), "timeZone"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("Europe/Moscow", "UTC+3"), "timeZone"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("54.51", "95"), "coordinates.lat"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("+74842000000", "8-484-200"), "contacts.phone"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("tour@fruzhe.example", "not-an-email"), "contacts.email"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("ent-valid-x", "Bad Id!"), "id"),
                arguments("POST", "/api/v1/enterprises", ENT.replace("\"status\"", "\"x\"").replace("\"industry\":\"CONFECTIONERY\",", "\"industry\":\"CONFECTIONERY\",\"status\":\"GONE\","), "status"),
                arguments("POST", "/api/v1/excursions/{exc}/slots", "{\"localStart\":\"tomorrow\",\"capacity\":40}", "localStart"),
                arguments("POST", "/api/v1/excursions/{exc}/slots", "{\"localStart\":\"2000-01-01T10:00\",\"capacity\":40}", "localStart"),
                arguments("POST", "/api/v1/excursions/{exc}/slots", "{\"localStart\":\"9999-12-31T10:00\",\"capacity\":40}", "localStart"),
                arguments("POST", "/api/v1/excursions/{exc}/slots", "{\"localStart\":\"2099-01-02T10:00\",\"capacity\":0}", "capacity"),
                arguments("POST", "/api/v1/excursions/{exc}/slots", "{\"localStart\":\"2099-01-02T10:00\"}", "capacity"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[\"FUNDAY\"],\"times\":[\"10:00\"],\"from\":\"2099-01-01\",\"to\":\"2099-01-31\",\"capacity\":5}", "daysOfWeek[0]"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[\"MONDAY\"],\"times\":[\"25:00\"],\"from\":\"2099-01-01\",\"to\":\"2099-01-31\",\"capacity\":5}", "times[0]"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[],\"times\":[\"10:00\"],\"from\":\"2099-01-01\",\"to\":\"2099-01-31\",\"capacity\":5}", "daysOfWeek"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[\"MONDAY\"],\"times\":[\"10:00\"],\"from\":\"2099-02-01\",\"to\":\"2099-01-01\",\"capacity\":5}", "to"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[\"MONDAY\"],\"times\":[\"10:00\"],\"from\":\"2099-01-01\",\"to\":\"2101-01-01\",\"capacity\":5}", "to"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[\"MONDAY\"],\"times\":[\"10:00\"],\"from\":\"9999-12-01\",\"to\":\"9999-12-31\",\"capacity\":5}", "to"),
                arguments("POST", "/api/v1/excursions/{exc}/schedules", "{\"daysOfWeek\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],\"times\":[\"08:00\",\"09:00\",\"10:00\",\"11:00\",\"12:00\",\"13:00\",\"14:00\"],\"from\":\"2099-01-01\",\"to\":\"2099-12-31\",\"capacity\":5}", "times"),
                arguments("GET", "/api/v1/excursions/{exc}/slots?from=yesterday", null, "from"),
                // the fuzzer's: ISO dates of year ±999999999 parse, then overflowed converting to the store's Date (500)
                arguments("GET", "/api/v1/excursions/{exc}/slots?from=-999999999-01-01", null, "from"),
                arguments("GET", "/api/v1/excursions/{exc}/slots?from=%2B999999999-12-01&to=%2B999999999-12-31", null, "from"),
                // ... and the default "to" (from + 30 days) of the last ISO year is past LocalDate.MAX
                arguments("GET", "/api/v1/excursions/{exc}/slots?from=%2B999999999-12-31", null, "from"),
                arguments("GET", "/api/v1/excursions?size=1000", null, "size"),
                arguments("GET", "/api/v1/excursions?page=x", null, "page"),
                arguments("PATCH", "/api/v1/slots/{slot}", "{\"capacity\":-1}", "capacity"),
                arguments("PATCH", "/api/v1/slots/{slot}", "{\"capacity\":\"many\"}", "capacity"),
                arguments("POST", "/api/v1/slots/{slot}/cancel", "{}", "reason"),
                arguments("PUT", "/api/v1/excursions/{exc}", EX.replace("\"meetingPoint\":\"Проходная №1\",", ""), "meetingPoint")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} → 400 naming {3}")
    @MethodSource("badInputs")
    void badInputIs400NamingTheField(String method, String path, String body, String field) {
        TestHttp.Response response = enterprise.send(method, path.replace("{exc}", excursionId).replace("{slot}", slotId), body);
        Api caller = path.startsWith("/api/v1/enterprises") ? enterprise.as(TestTokens.admin()) : enterprise;
        if (caller != enterprise) {
            response = caller.send(method, path, body);
        }

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }
}
