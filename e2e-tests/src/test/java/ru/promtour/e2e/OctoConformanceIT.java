package ru.promtour.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ru.promtour.test.octo.OctoSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OCTO conformance through the gateway, as a reseller's client meets the platform: every endpoint of the spec
 * ({@code contracts/octo/openapi.yaml}) with and without {@code octo/pricing}, every answer validated against the
 * spec's component schema (nulls where the spec allows them), every UTC and local time checked for its format,
 * every OCTO error provoked with its code and the offending id echoed. Successful calls answer 200, never 201.
 * <p>
 * The booking flow and the availability checks run per availability type ({@link #availabilityTypes()}): a
 * START_TIME product (slots) and an OPENING_HOURS one (one availability per open day).
 */
class OctoConformanceIT {

    /** UTC: seconds, or exactly three fraction digits, then Z. */
    static final Pattern UTC = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z$");
    /** Local date-time: seconds and the numeric offset of the supplier's zone. */
    static final Pattern LOCAL = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$");
    static final Pattern DATE = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d$");
    static final Pattern HH_MM = Pattern.compile("^\\d\\d:\\d\\d$");
    static final String CAPABILITIES = "Octo-Capabilities";
    static final String PRICING = "octo/pricing";
    static final Map<String, String> ERROR_SCHEMAS = Map.of("INVALID_PRODUCT_ID", "ErrorInvalidProductID",
            "INVALID_OPTION_ID", "ErrorInvalidOptionID", "INVALID_UNIT_ID", "ErrorInvalidUnitID",
            "INVALID_AVAILABILITY_ID", "ErrorInvalidAvailabilityID", "INVALID_BOOKING_UUID", "ErrorInvalidBookingUUID",
            "BAD_REQUEST", "ErrorBadRequest", "UNPROCESSABLE_ENTITY", "ErrorUnprocessableEntity",
            "UNAUTHORIZED", "ErrorUnauthorized", "FORBIDDEN", "ErrorForbidden");

    static Platform platform;
    static Client operator;
    static Client priced;
    static StartTimes startTimes;
    static Fixture openingHours;

    /** A START_TIME product: slots at 10:00 and 14:00 (two seats) a week ahead, 10:00 the day after. */
    record StartTimes(Client enterprise, String productId, LocalDate day, String slot, String smallSlot,
                      String nextDaySlot, Map<String, String> units) {
    }

    /** A product of one availability type as the flow needs it: where to look for availability, which units. */
    record Fixture(String availabilityType, String productId, LocalDate day, Map<String, String> units) {
        @Override
        public String toString() {
            return availabilityType;
        }
    }

    static Stream<Fixture> availabilityTypes() {
        return Stream.of(new Fixture("START_TIME", startTimes.productId(), startTimes.day(), startTimes.units()),
                openingHours);
    }

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        CatalogScenarioIT.admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Conformance Reseller"));
        priced = operator.withHeader(CAPABILITIES, PRICING);
        startTimes = startTimes();
        openingHours = openingHours();
    }

    /** An OPENING_HOURS product (a visitor centre open every day, two ranges, 300 a day): its availabilities are days. */
    static Fixture openingHours() {
        Client enterprise = new Client(platform.gatewayUrl(),
                CatalogScenarioIT.enterprise("ent-octo-" + UUID.randomUUID().toString().substring(0, 8), "Asia/Irkutsk"));
        Client.Response created = enterprise.post("/api/v1/excursions", OpeningHoursScenarioIT.program());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String productId = created.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        LocalDate day = LocalDate.now(OpeningHoursScenarioIT.IRKUTSK).plusDays(7);
        awaitBookable(productId, "day-" + productId + "-" + day);
        return new Fixture("OPENING_HOURS", productId, day, units(productId));
    }

    static StartTimes startTimes() {
        return startTimes("INSTANT");
    }

    /** {@code bookingMode}: INSTANT (confirm sells) or ON_REQUEST (confirm asks the enterprise). */
    static StartTimes startTimes(String bookingMode) {
        Client enterprise = new Client(platform.gatewayUrl(),
                CatalogScenarioIT.enterprise("ent-octo-" + UUID.randomUUID().toString().substring(0, 8), "Asia/Irkutsk"));
        Client.Response created = enterprise.post("/api/v1/excursions", CatalogScenarioIT.program()
                .replace("\"bookingMode\":\"INSTANT\"", "\"bookingMode\":\"" + bookingMode + "\""));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String productId = created.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        LocalDate day = LocalDate.now().plusDays(7);
        String slot = slot(enterprise, productId, day + "T10:00", 40);
        String small = slot(enterprise, productId, day + "T14:00", 2);
        String next = slot(enterprise, productId, day.plusDays(1) + "T10:00", 40);
        Map<String, String> units = units(productId);
        for (String slotId : List.of(slot, small, next)) {
            awaitBookable(productId, slotId);
        }
        return new StartTimes(enterprise, productId, day, slot, small, next, units);
    }

    /** The product's unit ids by reference (ADULT, CHILD, …), as its OCTO product lists them. */
    static Map<String, String> units(String productId) {
        Map<String, String> units = new LinkedHashMap<>();
        operator.get("/octo/products/" + productId).json().at("/options/0/units")
                .forEach(unit -> units.put(unit.get("reference").asText(), unit.get("id").asText()));
        return units;
    }

    /**
     * Until the booking service's projection knows the product and the slot (it learns them from the catalog's
     * events): a reserve naming an unknown unit is refused for that unit, and holds nothing, only from then on.
     */
    static void awaitBookable(String productId, String slotId) {
        String probe = reserveBody(UUID.randomUUID().toString(), productId, slotId, "no-such-unit", 1);
        await("the booking service knows " + slotId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> operator.post("/octo/bookings", probe).at("/error"), "INVALID_UNIT_ID"::equals);
    }

    private static String slot(Client enterprise, String productId, String localStart, int capacity) {
        Client.Response slot = enterprise.post("/api/v1/excursions/" + productId + "/slots",
                Map.of("localStart", localStart, "capacity", capacity));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        return slot.at("/id");
    }

    // ---------------------------------------------------------------------------------------------------------
    // supplier, capabilities, products

    @Test
    void supplierCapabilitiesAndProductsAnswerInTheSpecsShapeWithAndWithoutPricing() {
        for (String path : List.of("/octo/supplier", "/octo/supplier/")) {
            ok(operator.get(path), "Supplier");
        }
        Client.Response capabilities = ok(operator.get("/octo/capabilities"), "Capability");
        assertThat(capabilities.json().findValuesAsText("id")).contains(PRICING);

        for (Client client : List.of(operator, priced)) {
            Client.Response products = ok(client.get("/octo/products"), "Product");
            assertThat(products.json().findValuesAsText("id")).contains(startTimes.productId());
            ok(client.get("/octo/products/"), "Product");
            Client.Response product = ok(client.get("/octo/products/" + startTimes.productId()), "Product");
            assertThat(product.at("/availabilityType")).isEqualTo("START_TIME");
            assertThat(product.json().get("options")).hasSize(1);
            assertThat(product.at("/options/0/id")).isEqualTo("DEFAULT");
            assertThat(product.json().at("/options/0/availabilityLocalStartTimes")).extracting(JsonNode::asText)
                    .contains("10:00", "14:00").allMatch(t -> HH_MM.matcher(t).matches());
            // what a booking delivers is what the product announces; a confirm needs no phone
            assertThat(product.json().get("deliveryMethods")).extracting(JsonNode::asText).containsExactly("VOUCHER");
            assertThat(product.json().get("deliveryFormats")).extracting(JsonNode::asText).containsExactly("QRCODE");
            assertThat(product.at("/redemptionMethod")).isEqualTo("MANIFEST");
            assertThat(product.json().at("/options/0/requiredContactFields")).extracting(JsonNode::asText)
                    .contains("emailAddress").doesNotContain("phoneNumber");
            assertThat(product.json().has("defaultCurrency")).isEqualTo(client == priced);
        }
        assertThat(priced.get("/octo/products").raw().header(CAPABILITIES)).isEqualTo(PRICING);
        assertThat(operator.get("/octo/products").raw().header(CAPABILITIES)).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // availability and calendar

    @ParameterizedTest(name = "{0}")
    @MethodSource("availabilityTypes")
    void availabilityByDateRangeAndIdsAndTheCalendarAnswerInTheSpecsShape(Fixture f) {
        Map<String, Object> product = Map.of("productId", f.productId(), "optionId", "DEFAULT");
        for (Client client : List.of(operator, priced)) {
            Client.Response byDate = ok(client.post("/octo/availability", with(product, "localDate", f.day().toString())),
                    "Availability");
            assertThat(byDate.json()).isNotEmpty();
            String id = byDate.json().get(0).get("id").asText();
            Client.Response byRange = ok(client.post("/octo/availability/", with(product, "localDateStart",
                    f.day().toString(), "localDateEnd", f.day().plusDays(1).toString())), "Availability");
            assertThat(byRange.json().size()).isGreaterThan(byDate.json().size() - 1);
            Client.Response byIds = ok(client.post("/octo/availability", with(product, "availabilityIds", List.of(id))),
                    "Availability");
            assertThat(byIds.json().findValuesAsText("id")).containsExactly(id);
            Client.Response withUnits = ok(client.post("/octo/availability", with(product, "localDate", f.day().toString(),
                    "units", List.of(Map.of("id", f.units().get("ADULT"), "quantity", 2)))), "Availability");
            assertThat(withUnits.json()).isNotEmpty();
            Client.Response calendar = ok(client.post("/octo/availability/calendar", with(product, "localDateStart",
                    f.day().toString(), "localDateEnd", f.day().plusDays(2).toString())), "AvailabilityCalendar");
            assertThat(calendar.json()).hasSize(3);
            assertThat(calendar.json().findValuesAsText("localDate")).containsExactly(f.day().toString(),
                    f.day().plusDays(1).toString(), f.day().plusDays(2).toString());
            assertThat(byDate.json().get(0).has("unitPricing")).isEqualTo(client == priced);
        }
        // OCTO: one of localDate, localDateStart/localDateEnd or availabilityIds, never dates and ids together
        refused(operator.post("/octo/availability", with(product, "localDate", f.day().toString(), "availabilityIds",
                List.of("x"))), "BAD_REQUEST", null, null);
        refused(operator.post("/octo/availability", with(product, "localDateStart", f.day().toString(), "localDateEnd",
                f.day().toString(), "availabilityIds", List.of("x"))), "BAD_REQUEST", null, null);
    }

    @Test
    void aSoldOutStartIsStillListedAsUnavailable() {
        StartTimes s = startTimes;
        String uuid = UUID.randomUUID().toString();
        Client.Response held = reserve(reserveBody(uuid, s.productId(), s.smallSlot(), s.units().get("ADULT"), 2));
        assertThat(held.at("/status")).as(held.toString()).isEqualTo("ON_HOLD");

        await("the catalog sees the start sold out").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Client.Response day = ok(operator.post("/octo/availability", Map.of("productId", s.productId(),
                    "optionId", "DEFAULT", "localDate", s.day().toString())), "Availability");
            JsonNode small = find(day.json(), s.smallSlot());
            assertThat(small).as("the sold-out start is listed").isNotNull();
            assertThat(small.get("status").asText()).isEqualTo("SOLD_OUT");
            assertThat(small.get("available").asBoolean()).isFalse();
            assertThat(small.get("vacancies").asInt()).isZero();
            assertThat(find(day.json(), s.slot()).get("available").asBoolean()).isTrue();
        });
        // a reserve there is refused as OCTO says: the request is fine, the seats are not there
        refused(operator.post("/octo/bookings", reserveBody(UUID.randomUUID().toString(), s.productId(), s.smallSlot(),
                s.units().get("ADULT"), 1)), "UNPROCESSABLE_ENTITY", null, null);
        ok(operator.post("/octo/bookings/" + uuid + "/cancel", Map.of()), "Booking");
    }

    // ---------------------------------------------------------------------------------------------------------
    // bookings

    @ParameterizedTest(name = "{0}")
    @MethodSource("availabilityTypes")
    void aResellersClientReservesExtendsUpdatesConfirmsFindsAndCancelsInTheSpecsShape(Fixture f) {
        Client.Response day = ok(operator.post("/octo/availability", Map.of("productId", f.productId(),
                "optionId", "DEFAULT", "localDate", f.day().toString())), "Availability");
        String availabilityId = firstAvailable(day.json());
        String uuid = UUID.randomUUID().toString();
        String resellerReference = "RES-" + uuid.substring(0, 8);
        String adult = f.units().get("ADULT");
        String child = f.units().get("CHILD");

        // reserve: ON_HOLD with a voucher from the start, 200 not 201; a replay answers the very same booking
        String body = reserveBody(uuid, f.productId(), availabilityId, adult, 2)
                .replace("\"uuid\"", "\"resellerReference\":\"" + resellerReference + "\",\"uuid\"");
        Client.Response held = ok(reserve(body), "Booking");
        assertThat(held.at("/status")).isEqualTo("ON_HOLD");
        assertThat(held.at("/availabilityId")).isEqualTo(availabilityId);
        assertVoucher(held.json());
        Client.Response replay = ok(operator.post("/octo/bookings", body), "Booking");
        for (String field : List.of("/id", "/supplierReference", "/utcCreatedAt", "/utcUpdatedAt", "/utcExpiresAt",
                "/unitItems", "/voucher")) {
            assertThat(replay.json().at(field)).as(field).isEqualTo(held.json().at(field));
        }

        Client.Response extended = ok(operator.post("/octo/bookings/" + uuid + "/extend", Map.of("expirationMinutes", 45)),
                "Booking");
        assertThat(extended.at("/utcExpiresAt")).isGreaterThan(held.at("/utcExpiresAt"));

        // update while on hold: units (a child joins), a contact, notes; the same product, option and availability
        Client.Response grown = ok(operator.patch("/octo/bookings/" + uuid, Map.of("unitItems", List.of(
                Map.of("unitId", adult), Map.of("unitId", adult), Map.of("unitId", child)),
                "notes", "Школьная группа")), "Booking");
        assertThat(grown.json().get("unitItems")).hasSize(3);
        assertThat(grown.at("/notes")).isEqualTo("Школьная группа");
        ok(operator.patch("/octo/bookings/" + uuid, Map.of("productId", f.productId(), "optionId", "DEFAULT",
                "availabilityId", availabilityId)), "Booking");
        assertVoucher(grown.json());

        // confirm as OCTO's requiredContactFields ask: a name and an email, no phone, no locale
        Client.Response confirmed = ok(operator.post("/octo/bookings/" + uuid + "/confirm", Map.of("contact",
                Map.of("firstName", "Мария", "lastName", "Иванова", "emailAddress", "m.ivanova@school-octo.ru"))),
                "Booking");
        assertThat(confirmed.at("/status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("utcConfirmedAt").isNull()).isFalse();
        assertThat(confirmed.json().get("utcExpiresAt").isNull()).isTrue();
        assertThat(confirmed.json().at("/contact/phoneNumber").isNull()).isTrue();
        assertVoucher(confirmed.json());
        String supplierReference = confirmed.at("/supplierReference");

        // update after confirmation: the contact; a phone now
        Client.Response contact = ok(operator.patch("/octo/bookings/" + uuid, Map.of("contact", Map.of(
                "fullName", "Иванова Мария", "emailAddress", "m.ivanova@school-octo.ru",
                "phoneNumber", "+79025550042", "locales", List.of("ru")))), "Booking");
        assertThat(contact.at("/contact/phoneNumber")).isEqualTo("+79025550042");

        // get, and the list by every filter of the spec
        Client.Response got = ok(operator.get("/octo/bookings/" + uuid), "Booking");
        assertThat(got.at("/status")).isEqualTo("CONFIRMED");
        // bookings initialise no capability: asked for octo/pricing, the answer says none and carries no pricing
        Client.Response pricedGet = ok(priced.get("/octo/bookings/" + uuid), "Booking");
        assertThat(pricedGet.raw().header(CAPABILITIES)).isEmpty();
        assertThat(pricedGet.json().has("pricing")).isFalse();
        for (String query : List.of("supplierReference=" + supplierReference, "resellerReference=" + resellerReference,
                "localDate=" + f.day(), "localDateStart=" + f.day() + "&localDateEnd=" + f.day().plusDays(1))) {
            for (String path : List.of("/octo/bookings?", "/octo/bookings/?")) {
                Client.Response list = ok(operator.get(path + query), "Booking");
                assertThat(list.json().findValuesAsText("uuid")).as(query).contains(uuid);
            }
        }
        assertThat(ok(operator.get("/octo/bookings?supplierReference=PT-NONE00"), "Booking").json()).isEmpty();

        // cancel: CANCELLED with its cancellation; a repeated cancel answers the same
        Client.Response cancelled = ok(operator.post("/octo/bookings/" + uuid + "/cancel", Map.of("reason", "Карантин")),
                "Booking");
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        assertThat(cancelled.at("/cancellation/reason")).isEqualTo("Карантин");
        assertThat(cancelled.json().get("cancellable").asBoolean()).isFalse();
        assertThat(ok(operator.post("/octo/bookings/" + uuid + "/cancel", Map.of()), "Booking").at("/status"))
                .isEqualTo("CANCELLED");

        // the group leader had no phone at confirmation: no SMS, and the delivery log says why
        await("the SMS skipped for want of a phone").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Client.Response log = operator.get("/api/v1/notifications?bookingId=" + uuid);
            assertThat(log.status()).as(log.toString()).isEqualTo(200);
            assertThat(log.json()).anySatisfy(m -> {
                assertThat(m.get("eventType").asText()).isEqualTo("booking.BookingConfirmed.v1");
                assertThat(m.get("channel").asText()).isEqualTo("SMS");
                assertThat(m.get("status").asText()).isEqualTo("SKIPPED");
                assertThat(m.get("lastError").asText()).isEqualTo("no phone number");
            });
        });
    }

    @Test
    void anOnRequestProductsConfirmIsPendingUntilTheEnterpriseDeclines() {
        StartTimes s = startTimes("ON_REQUEST");
        assertThat(ok(operator.get("/octo/products/" + s.productId()), "Product").json().get("instantConfirmation")
                .asBoolean()).isFalse();
        String uuid = UUID.randomUUID().toString();
        ok(reserve(reserveBody(uuid, s.productId(), s.slot(), s.units().get("ADULT"), 2)), "Booking");

        Client.Response pending = ok(operator.post("/octo/bookings/" + uuid + "/confirm", contact()), "Booking");
        assertThat(pending.at("/status")).isEqualTo("PENDING");
        assertThat(pending.json().get("utcExpiresAt").isNull()).isTrue();
        assertThat(pending.json().get("utcConfirmedAt").isNull()).isTrue();
        assertVoucher(pending.json());

        assertThat(s.enterprise().post("/api/v1/bookings/" + pending.at("/id") + "/decline",
                Map.of("reason", "Группа превышает норму")).status()).isEqualTo(200);
        Client.Response rejected = ok(operator.get("/octo/bookings/" + uuid), "Booking");
        assertThat(rejected.at("/status")).isEqualTo("REJECTED");
        assertThat(rejected.json().get("cancellable").asBoolean()).isFalse();
        assertVoucher(rejected.json());
    }

    @Test
    void aBookingMovesToAnotherDateOfItsProductButNotToAnotherProduct() {
        StartTimes s = startTimes;
        String uuid = UUID.randomUUID().toString();
        assertThat(reserve(reserveBody(uuid, s.productId(), s.slot(), s.units().get("ADULT"), 1)).at("/status"))
                .isEqualTo("ON_HOLD");
        // OCTO: what can be cancelled can be updated, and an update is preferred to cancel + rebook
        Client.Response moved = ok(operator.patch("/octo/bookings/" + uuid, Map.of("availabilityId", s.nextDaySlot())),
                "Booking");
        assertThat(moved.at("/availabilityId")).isEqualTo(s.nextDaySlot());
        assertThat(moved.at("/status")).isEqualTo("ON_HOLD");
        refused(operator.patch("/octo/bookings/" + uuid, Map.of("availabilityId", "slot-nope")),
                "INVALID_AVAILABILITY_ID", "availabilityId", "slot-nope");
        refused(operator.patch("/octo/bookings/" + uuid, Map.of("productId", "exc-nope")),
                "INVALID_PRODUCT_ID", "productId", "exc-nope");
        refused(operator.patch("/octo/bookings/" + uuid, Map.of("optionId", "VIP")), "INVALID_OPTION_ID", "optionId", "VIP");
        assertThat(ok(operator.get("/octo/bookings/" + uuid), "Booking").at("/availabilityId")).isEqualTo(s.nextDaySlot());
        ok(operator.post("/octo/bookings/" + uuid + "/cancel", Map.of()), "Booking");
    }

    // ---------------------------------------------------------------------------------------------------------
    // errors

    @Test
    void everyOctoErrorIsA400WithItsCodeAndTheOffendingIdEchoed() {
        StartTimes s = startTimes;
        String adult = s.units().get("ADULT");
        Map<String, Object> product = Map.of("productId", s.productId(), "optionId", "DEFAULT");
        String day = s.day().toString();

        // catalog
        refused(operator.get("/octo/products/exc-nope"), "INVALID_PRODUCT_ID", "productId", "exc-nope");
        refused(operator.post("/octo/availability", Map.of("productId", "exc-nope", "optionId", "DEFAULT", "localDate", day)),
                "INVALID_PRODUCT_ID", "productId", "exc-nope");
        refused(operator.post("/octo/availability", Map.of("productId", s.productId(), "optionId", "VIP", "localDate", day)),
                "INVALID_OPTION_ID", "optionId", "VIP");
        refused(operator.post("/octo/availability", with(product, "localDate", day, "units",
                List.of(Map.of("id", "pet", "quantity", 1)))), "INVALID_UNIT_ID", "unitId", "pet");
        refused(operator.post("/octo/availability", product), "BAD_REQUEST", null, null);
        refused(operator.post("/octo/availability", with(product, "localDate", "tomorrow")), "BAD_REQUEST", null, null);
        refused(operator.post("/octo/availability/calendar", with(product, "localDate", day)), "BAD_REQUEST", null, null);
        refused(operator.post("/octo/availability/calendar", Map.of("productId", "exc-nope", "optionId", "DEFAULT",
                "localDateStart", day, "localDateEnd", day)), "INVALID_PRODUCT_ID", "productId", "exc-nope");

        // reserve
        String good = reserveBody(UUID.randomUUID().toString(), s.productId(), s.slot(), adult, 1);
        refused(operator.post("/octo/bookings", good.replace(s.productId(), "exc-nope")), "INVALID_PRODUCT_ID", "productId", "exc-nope");
        refused(operator.post("/octo/bookings", good.replace("\"DEFAULT\"", "\"VIP\"")), "INVALID_OPTION_ID", "optionId", "VIP");
        refused(operator.post("/octo/bookings", good.replace(s.slot(), "slot-nope")),
                "INVALID_AVAILABILITY_ID", "availabilityId", "slot-nope");
        refused(operator.post("/octo/bookings", good.replace(s.slot(), otherProductsSlot())),
                "INVALID_AVAILABILITY_ID", "availabilityId", otherProductsSlot());
        refused(operator.post("/octo/bookings", good.replace(adult, "senior")), "INVALID_UNIT_ID", "unitId", "senior");
        refused(operator.post("/octo/bookings", good.replaceFirst(",\"unitItems\":\\[.*]", "")), "UNPROCESSABLE_ENTITY", null, null);
        refused(operator.post("/octo/bookings", good.replaceFirst("\"unitItems\":\\[.*]", "\"unitItems\":[]")),
                "UNPROCESSABLE_ENTITY", null, null);
        refused(operator.post("/octo/bookings", reserveBody(UUID.randomUUID().toString(), s.productId(), s.slot(), adult, 41)),
                "UNPROCESSABLE_ENTITY", null, null);
        refused(operator.post("/octo/bookings", good.replace("\"uuid\":\"", "\"uuid\":\"not-a-uuid-")), "BAD_REQUEST", null, null);
        refused(operator.post("/octo/bookings", "{\"productId\":"), "BAD_REQUEST", null, null);

        // the booking endpoints on an unknown uuid, and the list without a filter
        String unknown = UUID.randomUUID().toString();
        refused(operator.get("/octo/bookings/" + unknown), "INVALID_BOOKING_UUID", "uuid", unknown);
        refused(operator.post("/octo/bookings/" + unknown + "/confirm", contact()), "INVALID_BOOKING_UUID", "uuid", unknown);
        refused(operator.post("/octo/bookings/" + unknown + "/extend", Map.of()), "INVALID_BOOKING_UUID", "uuid", unknown);
        refused(operator.post("/octo/bookings/" + unknown + "/cancel", Map.of()), "INVALID_BOOKING_UUID", "uuid", unknown);
        refused(operator.patch("/octo/bookings/" + unknown, Map.of("notes", "x")), "INVALID_BOOKING_UUID", "uuid", unknown);
        refused(operator.get("/octo/bookings"), "BAD_REQUEST", null, null);
        refused(operator.get("/octo/bookings?localDate=tomorrow"), "BAD_REQUEST", null, null);

        // a hold: confirm checks the unit items first, then the contact; a confirmed booking takes no extend
        String uuid = UUID.randomUUID().toString();
        assertThat(reserve(reserveBody(uuid, s.productId(), s.slot(), adult, 1)).at("/status")).isEqualTo("ON_HOLD");
        refused(operator.post("/octo/bookings/" + uuid + "/confirm", Map.of("unitItems", List.of(Map.of("unitId", "senior")))),
                "INVALID_UNIT_ID", "unitId", "senior");
        refused(operator.post("/octo/bookings/" + uuid + "/confirm", Map.of()), "BAD_REQUEST", null, null);
        refused(operator.post("/octo/bookings/" + uuid + "/confirm", Map.of("contact", Map.of("fullName", "Иванова Мария"))),
                "BAD_REQUEST", null, null);
        refused(operator.patch("/octo/bookings/" + uuid, Map.of("unitItems", List.of())), "UNPROCESSABLE_ENTITY", null, null);
        ok(operator.post("/octo/bookings/" + uuid + "/confirm", contact()), "Booking");
        refused(operator.post("/octo/bookings/" + uuid + "/extend", Map.of()), "UNPROCESSABLE_ENTITY", null, null);
        ok(operator.post("/octo/bookings/" + uuid + "/cancel", Map.of()), "Booking");
    }

    @Test
    void aMissingKeyIsUnauthorizedAndABadOrForeignKeyIsForbiddenInTheOctoShape() {
        Client anonymous = new Client(platform.gatewayUrl(), null);
        Client revoked = new Client(platform.gatewayUrl(), "ptk_not-a-real-key");
        Client enterprise = startTimes.enterprise();
        for (String path : List.of("/octo/supplier", "/octo/products", "/octo/bookings/" + UUID.randomUUID())) {
            error(anonymous.get(path), 401, "UNAUTHORIZED");
            error(revoked.get(path), 403, "FORBIDDEN");
            error(enterprise.get(path), 403, "FORBIDDEN");
        }
        error(anonymous.post("/octo/bookings", "{}"), 401, "UNAUTHORIZED");
        error(enterprise.post("/octo/availability", "{}"), 403, "FORBIDDEN");
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** 200 (OCTO answers every success so), the Octo-Capabilities header, the body matching the schema, its times. */
    static Client.Response ok(Client.Response response, String schema) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.raw().contentType()).startsWith("application/json");
        assertThat(response.raw().header(CAPABILITIES)).as("the Octo-Capabilities header").isNotNull();
        if (response.json().isArray()) {
            OctoSchemas.assertEachMatches(schema, response.text());
        }
        else {
            OctoSchemas.assertMatches(schema, response.text());
        }
        assertTimes(response.json(), "$");
        return response;
    }

    /** 400 with the OCTO code, a message, and (for the INVALID_* codes) the offending id under the spec's name. */
    static void refused(Client.Response response, String code, String field, String value) {
        error(response, 400, code);
        if (field != null) {
            assertThat(response.at("/" + field)).as(response.toString()).isEqualTo(value);
        }
    }

    static void error(Client.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.at("/error")).as(response.toString()).isEqualTo(code);
        assertThat(response.at("/errorMessage")).as(response.toString()).isNotBlank();
        OctoSchemas.assertMatches(ERROR_SCHEMAS.get(code), response.text());
    }

    /** Every time field of an answer, however deep: utc* in UTC, localDateTime* with the offset, localDate a date. */
    static void assertTimes(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertTimes(node.get(i), path + "[" + i + "]");
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String at = path + "." + name;
            if (value.isTextual()) {
                Pattern format = name.startsWith("utc") ? UTC : name.startsWith("localDateTime") ? LOCAL
                        : name.equals("localDate") ? DATE : name.equals("from") || name.equals("to") ? HH_MM : null;
                if (format != null) {
                    assertThat(value.asText()).as(at).matches(format);
                }
            }
            else if (value.isContainerNode()) {
                assertTimes(value, at);
            }
        }
    }

    /** The voucher of every booking: VOUCHER offered, redeemed against the manifest, a QR code of the reference. */
    static void assertVoucher(JsonNode booking) {
        assertThat(booking.get("deliveryMethods")).extracting(JsonNode::asText).containsExactly("VOUCHER");
        JsonNode voucher = booking.get("voucher");
        assertThat(voucher.isObject()).as("voucher: %s", voucher).isTrue();
        assertThat(voucher.get("redemptionMethod").asText()).isEqualTo("MANIFEST");
        assertThat(voucher.get("utcRedeemedAt").isNull()).isTrue();
        assertThat(voucher.at("/deliveryOptions/0/deliveryFormat").asText()).isEqualTo("QRCODE");
        assertThat(voucher.at("/deliveryOptions/0/deliveryValue").asText()).isEqualTo(booking.get("supplierReference").asText());
        booking.get("unitItems").forEach(item -> assertThat(item.get("ticket").isNull()).as("no per-unit tickets").isTrue());
    }

    static String reserveBody(String uuid, String productId, String availabilityId, String unitId, int units) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            items.add(Map.of("unitId", unitId));
        }
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("uuid", uuid);
            body.put("productId", productId);
            body.put("optionId", "DEFAULT");
            body.put("availabilityId", availabilityId);
            body.put("unitItems", items);
            return Client.JSON.writeValueAsString(body);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A reserve of a fixture's slot (known to the booking service: {@link #awaitBookable}). */
    static Client.Response reserve(String body) {
        return operator.post("/octo/bookings", body);
    }

    static Map<String, Object> contact() {
        return Map.of("contact", Map.of("fullName", "Иванова Мария", "emailAddress", "m.ivanova@school-octo.ru",
                "phoneNumber", "+79025550042", "locales", List.of("ru")));
    }

    private static String otherProductsSlot;

    /** A slot of another enterprise's product, made once. */
    static synchronized String otherProductsSlot() {
        if (otherProductsSlot == null) {
            otherProductsSlot = startTimes().slot();
        }
        return otherProductsSlot;
    }

    static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static JsonNode find(JsonNode availabilities, String id) {
        for (JsonNode a : availabilities) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        return null;
    }

    static String firstAvailable(JsonNode availabilities) {
        for (JsonNode a : availabilities) {
            if (a.get("available").asBoolean()) {
                return a.get("id").asText();
            }
        }
        throw new AssertionError("No available availability in " + availabilities);
    }
}
