package ru.promtour.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.promtour.test.octo.OctoSchemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A visitor centre sold by opening hours, through the gateway: the enterprise creates an OPENING_HOURS program (open
 * every day 10:00–13:00 and 14:00–18:00, 300 visitors a day), an operator reads the product, the day's availability
 * and the calendar (one all-day availability per date with its opening hours), then reserves, confirms and cancels a
 * group on one day, while the enterprise watches the day's seats.
 */
class OpeningHoursScenarioIT {

    static final ZoneId IRKUTSK = ZoneId.of("Asia/Irkutsk");
    static final String DAY = "[{\"from\":\"10:00\",\"to\":\"13:00\"},{\"from\":\"14:00\",\"to\":\"18:00\"}]";

    static Platform platform;
    static Client operator;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        CatalogScenarioIT.admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Байкал-Тур"));
    }

    static String program() {
        StringBuilder week = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            week.append(week.isEmpty() ? "" : ",").append('"').append(day).append("\":").append(DAY);
        }
        String program = CatalogScenarioIT.program().replace("Иркутская ГЭС: плотина и машинный зал", "Визит-центр Иркутской ГЭС");
        return program.substring(0, program.lastIndexOf('}')) + ",\"availabilityType\":\"OPENING_HOURS\","
                + "\"openingHours\":{\"weekly\":{" + week + "},\"dailyCapacity\":300}}";
    }

    @Test
    void aVisitorCentreIsBookedForADayWithinItsOpeningHours() {
        Client enterprise = new Client(platform.gatewayUrl(),
                CatalogScenarioIT.enterprise("ent-e2e-" + UUID.randomUUID().toString().substring(0, 8), "Asia/Irkutsk"));
        Client.Response created = enterprise.post("/api/v1/excursions", program());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String productId = created.at("/id");
        assertThat(created.at("/availabilityType")).isEqualTo("OPENING_HOURS");
        assertThat(enterprise.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        LocalDate date = LocalDate.now(IRKUTSK).plusDays(3);

        Client.Response product = operator.get("/octo/products/" + productId);
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        OctoSchemas.assertMatches("Product", product.text());
        assertThat(product.at("/availabilityType")).isEqualTo("OPENING_HOURS");

        Client.Response availability = operator.post("/octo/availability",
                Map.of("productId", productId, "optionId", "DEFAULT", "localDate", date.toString()));
        assertThat(availability.status()).as(availability.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("Availability", availability.text());
        assertThat(availability.json()).hasSize(1);
        JsonNode day = availability.json().get(0);
        String availabilityId = day.get("id").asText();
        assertThat(day.get("allDay").asBoolean()).isTrue();
        assertThat(day.get("localDateTimeStart").asText()).isEqualTo(date + "T00:00:00+08:00");
        assertThat(day.get("localDateTimeEnd").asText()).isEqualTo(date.plusDays(1) + "T00:00:00+08:00");
        assertThat(day.get("openingHours").toString()).isEqualTo(DAY.replace(" ", ""));
        assertThat(day.get("capacity").asInt()).isEqualTo(300);
        assertThat(day.get("status").asText()).isEqualTo("AVAILABLE");

        Client.Response calendar = operator.post("/octo/availability/calendar", Map.of("productId", productId,
                "optionId", "DEFAULT", "localDateStart", date.toString(), "localDateEnd", date.plusDays(6).toString()));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
        OctoSchemas.assertEachMatches("AvailabilityCalendar", calendar.text());
        assertThat(calendar.json()).hasSize(7);
        calendar.json().forEach(d -> assertThat(d.get("openingHours")).as(d.toString()).hasSize(2));

        BookingScenarioIT.Site site = new BookingScenarioIT.Site(enterprise, productId, availabilityId, Map.of());
        String uuid = UUID.randomUUID().toString();
        Map<String, Object> reserve = Map.of("uuid", uuid, "productId", productId, "optionId", "DEFAULT",
                "availabilityId", availabilityId, "unitItems", List.of(Map.of("unitId", "adult"), Map.of("unitId", "adult"),
                        Map.of("unitId", "child"), Map.of("unitId", "child"), Map.of("unitId", "child")));
        Client.Response[] held = new Client.Response[1];
        await("reserve accepted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            held[0] = operator.post("/octo/bookings", reserve);
            return !(held[0].status() == 400 && held[0].at("/error").matches("INVALID_(PRODUCT|AVAILABILITY)_ID"));
        });
        assertThat(held[0].status()).as(held[0].toString()).isEqualTo(200);
        assertThat(held[0].at("/status")).isEqualTo("ON_HOLD");
        assertThat(held[0].at("/availability/allDay")).isEqualTo("true");
        assertThat(held[0].at("/availability/localDateTimeStart")).isEqualTo(date + "T00:00:00+08:00");
        BookingScenarioIT.awaitSeats(site, 5, 0);

        Client.Response confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", BookingScenarioIT.contact());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().at("/availability/openingHours")).hasSize(2);
        BookingScenarioIT.awaitSeats(site, 0, 5);
        await("vacancies follow the ledger").atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(operator
                .post("/octo/availability", Map.of("productId", productId, "optionId", "DEFAULT", "availabilityIds",
                        List.of(availabilityId))).json().get(0).get("vacancies").asInt()).isEqualTo(295));

        Client.Response cancelled = operator.post("/octo/bookings/" + uuid + "/cancel", Map.of("reason", "Группа заболела"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.at("/status")).isEqualTo("CANCELLED");
        BookingScenarioIT.awaitSeats(site, 0, 0);
    }
}
