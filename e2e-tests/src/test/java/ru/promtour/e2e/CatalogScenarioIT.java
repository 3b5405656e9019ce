package ru.promtour.e2e;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's first half through the gateway only: the admin registers an Irkutsk enterprise and an operator
 * and issues their keys; the enterprise publishes a program with a schedule; what the enterprise sees is in
 * Irkutsk time (+08:00); another enterprise and an operator cannot touch it; a service port refuses a call that
 * bypasses the gateway.
 */
class CatalogScenarioIT {

    static Platform platform;
    static Client admin;
    static Client anonymous;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        anonymous = new Client(platform.gatewayUrl(), null);
    }

    static String enterprise(String id, String timeZone) {
        Client.Response created = admin.post("/api/v1/enterprises", """
                {"id":"%s","name":"Иркутская ГЭС","legalName":"ПАО «Иркутскэнерго»","region":"RU-IRK","city":"Иркутск",
                 "address":"ул. Лермонтова, 1","coordinates":{"lat":52.25,"lon":104.3},"industry":"ENERGY",
                 "timeZone":"%s","description":"Плотина и машинный зал",
                 "contacts":{"phone":"+73952000000","email":"tour@%s.example"}}""".formatted(id, timeZone, id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return keyFor("ENTERPRISE", id);
    }

    static String keyFor(String tenantType, String tenantId) {
        Client.Response issued = admin.post("/admin/api-keys", Map.of("tenantType", tenantType, "tenantId", tenantId,
                "label", "e2e " + tenantType.toLowerCase()));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.at("/apiKey")).startsWith("ptk_");
        return issued.at("/apiKey");
    }

    static String operatorKey(String name) {
        Client.Response operator = admin.post("/admin/operators", Map.of("name", name,
                "email", "booking@" + UUID.randomUUID().toString().substring(0, 8) + ".example", "phone", "+79025551234"));
        assertThat(operator.status()).as(operator.toString()).isEqualTo(201);
        return keyFor("OPERATOR", operator.at("/id"));
    }

    static String program() {
        return """
                {"title":"Иркутская ГЭС: плотина и машинный зал","description":"Экскурсия по плотине и машинному залу",
                 "durationMinutes":120,"languages":["ru"],"minAge":10,"bookingMode":"INSTANT","meetingPoint":"КПП №2",
                 "rules":{"ppe":"Каски выдаются","dressCode":"Закрытая обувь","photoAllowed":false,"documents":"NONE"},
                 "units":[{"type":"ADULT","price":90000},{"type":"CHILD","minAge":10,"maxAge":17,"price":60000}],
                 "minUnits":1,"maxUnits":40,"bookingCutoffHours":2,"cancellationCutoffHours":24}""";
    }

    @Test
    void anIrkutskEnterprisePublishesAScheduleInItsOwnTimeAndNobodyElseTouchesIt() {
        String enterpriseId = "ent-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Client enterprise = new Client(platform.gatewayUrl(), enterprise(enterpriseId, "Asia/Irkutsk"));

        Client.Response excursion = enterprise.post("/api/v1/excursions", program());
        assertThat(excursion.status()).as(excursion.toString()).isEqualTo(201);
        assertThat(excursion.at("/status")).isEqualTo("DRAFT");
        String excursionId = excursion.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + excursionId + "/publish", null).status()).isEqualTo(200);

        LocalDate from = LocalDate.now().plusDays(7);
        Client.Response schedule = enterprise.post("/api/v1/excursions/" + excursionId + "/schedules", Map.of(
                "daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "times", List.of("10:00", "14:30"), "from", from.toString(), "to", from.plusDays(2).toString(), "capacity", 40));
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        assertThat(schedule.json().get("created").asInt()).isEqualTo(6);

        Client.Response slots = enterprise.get("/api/v1/excursions/" + excursionId + "/slots?from=" + from + "&to=" + from.plusDays(2));
        assertThat(slots.status()).isEqualTo(200);
        JsonNode items = slots.json().isArray() ? slots.json() : slots.json().get("items");
        assertThat(items).hasSize(6);
        JsonNode first = items.get(0);
        assertThat(first.get("start").asText()).isEqualTo(from + "T10:00:00+08:00");
        assertThat(first.get("timeZone").asText()).isEqualTo("Asia/Irkutsk");
        assertThat(first.get("available").asInt()).isEqualTo(40);

        // an operator sees the product and its availability over OCTO, in Irkutsk time with the seats left
        Client operator = new Client(platform.gatewayUrl(), operatorKey("Байкал-Тур"));
        Client.Response product = operator.get("/octo/products/" + excursionId);
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        assertThat(product.at("/timeZone")).isEqualTo("Asia/Irkutsk");
        assertThat(product.at("/availabilityType")).isEqualTo("START_TIME");
        assertThat(product.at("/options/0/id")).isEqualTo("DEFAULT");
        assertThat(operator.get("/octo/products").json().findValuesAsText("id")).contains(excursionId);
        Client.Response availability = operator.post("/octo/availability", Map.of("productId", excursionId,
                "optionId", "DEFAULT", "localDateStart", from.toString(), "localDateEnd", from.plusDays(2).toString()));
        assertThat(availability.status()).as(availability.toString()).isEqualTo(200);
        assertThat(availability.json()).hasSize(6);
        assertThat(availability.json().get(0).get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(availability.json().get(0).get("localDateTimeStart").asText()).isEqualTo(from + "T10:00:00+08:00");
        assertThat(availability.json().get(0).get("localDateTimeEnd").asText()).isEqualTo(from + "T12:00:00+08:00");
        assertThat(availability.json().get(0).get("status").asText()).isEqualTo("AVAILABLE");
        assertThat(availability.json().get(0).get("vacancies").asInt()).isEqualTo(40);
        assertThat(operator.post("/octo/availability", Map.of("productId", "no-such-product", "optionId", "DEFAULT",
                "localDate", from.toString())).at("/error")).isEqualTo("INVALID_PRODUCT_ID");

        // anyone finds it in the public catalog, without a key
        Client.Response found = anonymous.get("/api/v1/catalog/excursions?region=RU-IRK&dateFrom=" + from
                + "&dateTo=" + from.plusDays(2) + "&q=" + java.net.URLEncoder.encode("плотина", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().get("items").findValuesAsText("id")).contains(excursionId);

        // nobody else: another enterprise gets 404 as for an unknown id, an operator is refused the enterprise API
        Client other = new Client(platform.gatewayUrl(), enterprise("ent-e2e-" + UUID.randomUUID().toString().substring(0, 8), "Europe/Moscow"));
        assertThat(other.get("/api/v1/excursions/" + excursionId).status()).isEqualTo(404);
        assertThat(other.patch("/api/v1/slots/" + first.get("id").asText(), Map.of("capacity", 1)).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/excursions/" + excursionId).status()).isEqualTo(403);
        assertThat(enterprise.get("/api/v1/slots/" + first.get("id").asText()).json().get("capacity").asInt()).isEqualTo(40);

        // without a key: the enterprise API is closed, and the service port refuses a call around the gateway
        assertThat(anonymous.get("/api/v1/excursions/" + excursionId).status()).isEqualTo(401);
        Client bypass = new Client(platform.directUrl("catalog-service"), null);
        assertThat(bypass.get("/api/v1/excursions/" + excursionId).status()).isEqualTo(401);
    }
}
