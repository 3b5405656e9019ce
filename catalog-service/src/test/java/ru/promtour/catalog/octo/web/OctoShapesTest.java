package ru.promtour.catalog.octo.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import ru.promtour.catalog.enterprise.Enterprise;
import ru.promtour.catalog.enterprise.EnterpriseStatus;
import ru.promtour.catalog.excursion.Excursion;
import ru.promtour.catalog.excursion.ExcursionProgram;
import ru.promtour.catalog.excursion.ExcursionProgram.BookingMode;
import ru.promtour.catalog.excursion.ExcursionProgram.Documents;
import ru.promtour.catalog.excursion.ExcursionProgram.UnitType;
import ru.promtour.catalog.excursion.ExcursionStatus;
import ru.promtour.catalog.octo.AvailabilityRequest.UnitQuantity;
import ru.promtour.catalog.octo.AvailabilityRules;
import ru.promtour.catalog.octo.OctoException;
import ru.promtour.catalog.octo.OctoProduct;
import ru.promtour.catalog.octo.OctoProperties;
import ru.promtour.catalog.octo.SlotAvailability;
import ru.promtour.catalog.slot.Slot;
import ru.promtour.catalog.slot.SlotStatus;
import ru.promtour.test.octo.OctoSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The OCTO bodies against the component schemas of contracts/octo/openapi.yaml, with and without octo/pricing. */
class OctoShapesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final OctoProperties PROPERTIES = new OctoProperties("promtour", "Открытая промышленность",
            "https://api.promtour.example/", new OctoProperties.Contact("https://promtour.ru", "support@promtour.ru",
            "+78005550000", null), 10, 5, 366, 500, List.of("QRCODE"), List.of("VOUCHER"), "MANIFEST");
    static final ExcursionProgram PROGRAM = new ExcursionProgram("Плотина ГЭС", null, "Машинный зал", null, 120,
            List.of("ru"), 14, BookingMode.ON_REQUEST, "КПП №2",
            new ExcursionProgram.Rules("Каска выдаётся", true, "Закрытая обувь", false, Documents.PASSPORT, 10, null),
            List.of(new ExcursionProgram.Unit("adult", UnitType.ADULT, null, null, 120000, null),
                    new ExcursionProgram.Unit("child", UnitType.CHILD, 14, 17, 60000, null),
                    new ExcursionProgram.Unit("escort", UnitType.ACCOMPANYING_ADULT, null, null, 0, 10)),
            1, 30, 48, 72);
    static final Enterprise ENTERPRISE = new Enterprise("ent-dam", "Иркутская ГЭС", null, "RU-IRK", "Иркутск",
            "ул. Плотина, 1", null, "ENERGY", "Asia/Irkutsk", null, null, EnterpriseStatus.ACTIVE, Instant.EPOCH, Instant.EPOCH);
    static final OctoProduct PRODUCT = new OctoProduct(new Excursion("exc-dam", "ent-dam", ExcursionStatus.PUBLISHED, 2,
            PROGRAM, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH), ENTERPRISE, List.of(LocalTime.of(10, 0), LocalTime.of(14, 30)));
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    @Test
    void productWithoutPricingMatchesAndCarriesNoPricingFields() {
        String body = json(OctoMapper.product(PRODUCT, PROPERTIES, false));

        OctoSchemas.assertMatches("Product", body);
        JsonNode product = JSON.readTree(body);
        assertThat(product.has("defaultCurrency")).isFalse();
        assertThat(product.path("options").path(0).has("pricingFrom")).isFalse();
        assertThat(product.path("options").path(0).path("units").path(0).has("pricing")).isFalse();
        assertThat(body).doesNotContain("RUB");
    }

    @Test
    void productMapsTheProgram() {
        JsonNode product = JSON.readTree(json(OctoMapper.product(PRODUCT, PROPERTIES, false)));

        assertThat(product.path("id").asString()).isEqualTo("exc-dam");
        assertThat(product.path("internalName").asString()).isEqualTo("Плотина ГЭС");
        assertThat(product.path("locale").asString()).isEqualTo("ru");
        assertThat(product.path("timeZone").asString()).isEqualTo("Asia/Irkutsk");
        assertThat(product.path("allowFreesale").asBoolean()).isFalse();
        assertThat(product.path("instantConfirmation").asBoolean()).as("ON_REQUEST").isFalse();
        assertThat(product.path("availabilityRequired").asBoolean()).isTrue();
        assertThat(product.path("availabilityType").asString()).isEqualTo("START_TIME");
        JsonNode option = product.path("options").path(0);
        assertThat(option.path("id").asString()).isEqualTo("DEFAULT");
        assertThat(option.path("default").asBoolean()).isTrue();
        assertThat(option.path("availabilityLocalStartTimes").toString()).isEqualTo("[\"10:00\",\"14:30\"]");
        assertThat(option.path("cancellationCutoffAmount").asInt()).isEqualTo(72);
        assertThat(option.path("cancellationCutoffUnit").asString()).isEqualTo("hour");
        assertThat(option.path("restrictions").toString()).isEqualTo("{\"minUnits\":1,\"maxUnits\":30}");
        JsonNode adult = option.path("units").path(0);
        assertThat(adult.path("type").asString()).isEqualTo("ADULT");
        assertThat(adult.path("restrictions").path("minAge").asInt()).isEqualTo(18);
        assertThat(adult.path("restrictions").path("idRequired").asBoolean()).as("passports required").isTrue();
        assertThat(adult.path("restrictions").path("paxCount").asInt()).isEqualTo(1);
        assertThat(adult.path("restrictions").path("maxQuantity").asInt()).isEqualTo(30);
        JsonNode child = option.path("units").path(1);
        assertThat(child.path("restrictions").path("minAge").asInt()).isEqualTo(14);
        assertThat(child.path("restrictions").path("maxAge").asInt()).isEqualTo(17);
        assertThat(child.path("restrictions").path("accompaniedBy").toString()).isEqualTo("[\"adult\",\"escort\"]");
        JsonNode escort = option.path("units").path(2);
        assertThat(escort.path("type").asString()).as("OCTO has no accompanying type").isEqualTo("ADULT");
        assertThat(escort.path("reference").asString()).isEqualTo("ACCOMPANYING_ADULT");
    }

    @Test
    void productWithPricingMatchesAndPricesInKopecks() {
        String body = json(OctoMapper.product(PRODUCT, PROPERTIES, true));

        OctoSchemas.assertMatches("Product", body);
        JsonNode product = JSON.readTree(body);
        assertThat(product.path("defaultCurrency").asString()).isEqualTo("RUB");
        assertThat(product.path("pricingPer").asString()).isEqualTo("UNIT");
        JsonNode option = product.path("options").path(0);
        assertThat(option.path("pricingFrom").path(0).path("retail").asLong()).as("the cheapest unit").isZero();
        JsonNode adultPrice = option.path("units").path(0).path("pricing").path(0);
        assertThat(adultPrice.path("retail").asLong()).isEqualTo(120000);
        assertThat(adultPrice.path("original").asLong()).isEqualTo(120000);
        assertThat(adultPrice.path("currency").asString()).isEqualTo("RUB");
        assertThat(adultPrice.path("currencyPrecision").asInt()).isEqualTo(2);
        assertThat(adultPrice.path("includedTaxes").isArray()).isTrue();
        OctoSchemas.assertMatches("Pricing", adultPrice.toString());
    }

    @Test
    void aProductWithoutUpcomingSlotsStillNamesOneStartTimeAsTheSpecRequires() {
        OctoProduct bare = new OctoProduct(PRODUCT.excursion(), ENTERPRISE, List.of());
        String body = json(OctoMapper.product(bare, PROPERTIES, false));

        OctoSchemas.assertMatches("Product", body);
    }

    @Test
    void availabilityMatchesWithAndWithoutPricing() {
        Slot slot = new Slot("slot-1", "exc-dam", "ent-dam", START, "Asia/Irkutsk", START.minus(Duration.ofHours(48)), 40,
                3, 2, SlotStatus.OPEN, 1, 0L, null, List.of(), List.of(), START, START);
        SlotAvailability graded = new AvailabilityRules(10, 5).grade(slot, PROGRAM, 3, START.minus(Duration.ofDays(30)));
        List<UnitQuantity> units = List.of(new UnitQuantity("adult", 2), new UnitQuantity("child", 1));

        String plain = json(OctoMapper.availability(graded, PROGRAM, units, false));
        OctoSchemas.assertMatches("Availability", plain);
        JsonNode a = JSON.readTree(plain);
        assertThat(a.path("id").asString()).isEqualTo("slot-1");
        assertThat(a.path("localDateTimeStart").asString()).isEqualTo("2026-12-01T10:00:00+08:00");
        assertThat(a.path("localDateTimeEnd").asString()).isEqualTo("2026-12-01T12:00:00+08:00");
        assertThat(a.path("utcCutoffAt").asString()).isEqualTo("2026-11-29T02:00:00Z");
        assertThat(a.path("allDay").asBoolean()).isFalse();
        assertThat(a.path("vacancies").asInt()).isEqualTo(35);
        assertThat(a.path("openingHours").isArray()).isTrue();
        assertThat(a.has("unitPricing")).isFalse();

        String priced = json(OctoMapper.availability(graded, PROGRAM, units, true));
        OctoSchemas.assertMatches("Availability", priced);
        JsonNode p = JSON.readTree(priced);
        assertThat(p.path("pricing").path("retail").asLong()).as("2 adults + 1 child").isEqualTo(300000);
        assertThat(p.path("unitPricing")).hasSize(3);
        OctoSchemas.assertMatches("PricingUnit", p.path("unitPricing").path(1).toString());
        assertThat(p.path("unitPricing").path(1).path("unitId").asString()).isEqualTo("child");
    }

    @Test
    void calendarDayMatchesWithAndWithoutPricing() {
        var day = AvailabilityRules.day(LocalDate.of(2026, 12, 1), List.of());

        OctoSchemas.assertMatches("AvailabilityCalendar", json(OctoMapper.day(day, PROGRAM, List.of(), false)));
        String priced = json(OctoMapper.day(day, PROGRAM, List.of(), true));
        OctoSchemas.assertMatches("AvailabilityCalendar", priced);
        assertThat(JSON.readTree(priced).path("pricingFrom").path("retail").asLong()).isZero();
        assertThat(JSON.readTree(priced).path("unitPricingFrom")).hasSize(3);
    }

    @Test
    void supplierAndCapabilitiesMatch() {
        String supplier = json(OctoMapper.supplier(PROPERTIES));

        OctoSchemas.assertMatches("Supplier", supplier);
        assertThat(JSON.readTree(supplier).path("endpoint").asString()).isEqualTo("https://api.promtour.example/octo");
        OctoSchemas.assertEachMatches("Capability", json(new OctoController(null, null, PROPERTIES).capabilities()));
    }

    @Test
    void everyErrorBodyMatchesItsSchema() {
        OctoExceptionHandler handler = new OctoExceptionHandler();

        assertError(handler.octo(OctoException.invalidProduct("exc-x")), "ErrorInvalidProductID", "INVALID_PRODUCT_ID");
        assertError(handler.octo(OctoException.invalidOption("VIP")), "ErrorInvalidOptionID", "INVALID_OPTION_ID");
        assertError(handler.octo(OctoException.invalidUnit("infant")), "ErrorInvalidUnitID", "INVALID_UNIT_ID");
        assertError(handler.octo(OctoException.invalidAvailability("slot-a~slot-b")), "ErrorInvalidAvailabilityID",
                "INVALID_AVAILABILITY_ID");
        assertError(handler.octo(OctoException.badRequest("no dates")), "ErrorBadRequest", "BAD_REQUEST");
        assertError(handler.unreadable(new HttpMessageNotReadableException("x", new MockHttpInputMessage(new byte[0]))),
                "ErrorBadRequest", "BAD_REQUEST");
        assertError(handler.unexpected(new IllegalStateException("boom")), "ErrorInternalServerError", "INTERNAL_SERVER_ERROR");
    }

    @Test
    void theValidatorRejectsWhatTheSpecForbids() {
        assertThat(OctoSchemas.violations("Product", "{\"id\":\"x\"}")).isNotEmpty();
        assertThat(OctoSchemas.violations("ErrorInvalidProductID", "{\"error\":\"INVALID_PRODUCT_ID\",\"errorMessage\":\"m\"}"))
                .as("productId is required").isNotEmpty();
        assertThat(OctoSchemas.violations("Availability", json(Map.of("status", "MAYBE")))).isNotEmpty();
        String product = json(OctoMapper.product(PRODUCT, PROPERTIES, false));
        assertThat(OctoSchemas.violations("Product", product.replace("\"type\":\"CHILD\"", "\"type\":\"KID\"")))
                .as("a unit type deep inside options[].units[]").isNotEmpty();
    }

    private static void assertError(ResponseEntity<Map<String, Object>> response, String schema, String code) {
        String body = json(response.getBody());
        OctoSchemas.assertMatches(schema, body);
        assertThat(JSON.readTree(body).path("error").asString()).isEqualTo(code);
        assertThat(response.getHeaders().getContentType()).hasToString("application/json");
    }
}
