package ru.promtour.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tour operators book over OCTO through the gateway while the enterprise watches its seat counts: reserve →
 * hold → confirm → a larger group → the enterprise cancels the slot; an on-request site approves a group;
 * an unconfirmed hold expires and gives its seats back. Nobody else sees any of it. At the end of the run,
 * {@link SeatInvariantIT} checks every slot's held + confirmed against the units of its live bookings and capacity.
 */
class BookingScenarioIT {

    static Platform platform;
    static Client operator;
    static Client otherOperator;
    static Client anotherEnterprise;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        CatalogScenarioIT.admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Байкал-Тур"));
        otherOperator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Другой оператор"));
        anotherEnterprise = new Client(platform.gatewayUrl(),
                CatalogScenarioIT.enterprise("ent-e2e-" + UUID.randomUUID().toString().substring(0, 8), "Europe/Moscow"));
    }

    /** An enterprise with one published program of the given mode and one slot a week ahead. */
    record Site(Client enterprise, String productId, String slotId, Map<String, String> unitIds) {
    }

    static Site site(String bookingMode, int capacity) {
        return site(bookingMode, capacity, "\"documents\":\"NONE\"");
    }

    /** {@code documents}: the program's documents rule as JSON members, e.g. passports ten days ahead. */
    static Site site(String bookingMode, int capacity, String documents) {
        Client enterprise = new Client(platform.gatewayUrl(),
                CatalogScenarioIT.enterprise("ent-e2e-" + UUID.randomUUID().toString().substring(0, 8), "Asia/Irkutsk"));
        Client.Response created = enterprise.post("/api/v1/excursions", CatalogScenarioIT.program()
                .replace("\"bookingMode\":\"INSTANT\"", "\"bookingMode\":\"" + bookingMode + "\"")
                .replace("\"documents\":\"NONE\"", documents));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String productId = created.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        Client.Response slot = enterprise.post("/api/v1/excursions/" + productId + "/slots",
                Map.of("localStart", LocalDate.now().plusDays(7) + "T10:00", "capacity", capacity));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        Map<String, String> unitIds = new java.util.HashMap<>();
        operator.get("/octo/products/" + productId).json().at("/options/0/units")
                .forEach(unit -> unitIds.put(unit.get("reference").asText(), unit.get("id").asText()));
        assertThat(unitIds).containsKeys("ADULT", "CHILD");
        return new Site(enterprise, productId, slot.at("/id"), unitIds);
    }

    static String reserveBody(Site site, String uuid, int children, int adults) {
        try {
            return Client.JSON.writeValueAsString(Map.of("uuid", uuid, "productId", site.productId(), "optionId", "DEFAULT",
                    "availabilityId", site.slotId(), "unitItems", reserveItems(site, children, adults)));
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Reserves once the booking service's projection knows the new product (it learns it from catalog events). */
    static Client.Response reserve(Site site, String uuid, int children, int adults) {
        String body = reserveBody(site, uuid, children, adults);
        Client.Response[] last = new Client.Response[1];
        await("reserve accepted").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = operator.post("/octo/bookings", body);
            return !(last[0].status() == 400 && last[0].at("/error").matches("INVALID_(PRODUCT|AVAILABILITY)_ID"));
        });
        return last[0];
    }

    static JsonNode slot(Site site) {
        return site.enterprise().get("/api/v1/slots/" + site.slotId()).json();
    }

    static void awaitSeats(Site site, int held, int confirmed) {
        await("slot held " + held + " confirmed " + confirmed).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode slot = slot(site);
            assertThat(slot.get("held").asInt()).as("held").isEqualTo(held);
            assertThat(slot.get("confirmed").asInt()).as("confirmed").isEqualTo(confirmed);
        });
    }

    /** The messages the local stack delivered to {@code to} whose body mentions {@code text}. */
    static List<JsonNode> delivered(String to, String text) {
        Client messages = new Client(platform.messagesUrl(), null);
        JsonNode all = messages.get("/api/messages?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8)).json();
        List<JsonNode> found = new ArrayList<>();
        all.forEach(m -> {
            if (m.path("body").asText().contains(text) || m.path("subject").asText().contains(text)) {
                found.add(m);
            }
        });
        return found;
    }

    static Map<String, Object> contact() {
        return Map.of("contact", Map.of("fullName", "Иванова Мария Петровна", "emailAddress", "m.ivanova@school42.example",
                "phoneNumber", "+79025551234", "locales", List.of("ru")));
    }

    @Test
    void aSchoolGroupIsHeldConfirmedEnlargedAndCancelledByTheSupplier() {
        Site site = site("INSTANT", 40);
        String uuid = UUID.randomUUID().toString();

        Client.Response held = reserve(site, uuid, 25, 3);
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.at("/status")).isEqualTo("ON_HOLD");
        assertThat(held.at("/utcExpiresAt")).isNotBlank();
        awaitSeats(site, 28, 0);

        // a retried reserve returns the same booking and holds nothing more; the same uuid with another body is refused
        Client.Response replay = operator.post("/octo/bookings", reserveBody(site, uuid, 25, 3));
        assertThat(replay.at("/id")).isEqualTo(held.at("/id"));
        assertThat(operator.post("/octo/bookings", reserveBody(site, uuid, 20, 3)).status()).isEqualTo(400);
        awaitSeats(site, 28, 0);

        Client.Response confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", contact());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.at("/status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/contact/fullName")).isEqualTo("Иванова Мария Петровна");
        awaitSeats(site, 0, 28);

        // the group leader hears of it by email and SMS, in Russian and in the enterprise's local time
        String reference = confirmed.at("/supplierReference");
        String localTime = LocalDate.now().plusDays(7).format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + " 10:00";
        await("confirmation email and SMS").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> emails = delivered("m.ivanova@school42.example", reference);
            assertThat(emails).anySatisfy(m -> {
                assertThat(m.path("channel").asText()).isEqualTo("EMAIL");
                assertThat(m.path("body").asText()).contains("10:00").contains("Иркутск").contains("КПП №2");
            });
            assertThat(delivered("+79025551234", reference)).anySatisfy(m -> {
                assertThat(m.path("channel").asText()).isEqualTo("SMS");
                assertThat(m.path("body").asText()).contains(localTime).contains("Иркутск");
            });
        });

        Client.Response larger = operator.patch("/octo/bookings/" + uuid, Map.of("unitItems", reserveItems(site, 27, 3)));
        assertThat(larger.status()).as(larger.toString()).isEqualTo(200);
        awaitSeats(site, 0, 30);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(operator.get("/octo/bookings/" + uuid).json().get("unitItems")).hasSize(30));

        // nobody else sees or touches it
        assertThat(otherOperator.get("/octo/bookings/" + uuid).at("/error")).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(otherOperator.post("/octo/bookings/" + uuid + "/cancel", Map.of("reason", "чужая")).at("/error"))
                .isEqualTo("INVALID_BOOKING_UUID");
        assertThat(anotherEnterprise.get("/api/v1/bookings/" + held.at("/id")).status()).isEqualTo(404);
        assertThat(anotherEnterprise.post("/api/v1/slots/" + site.slotId() + "/cancel", Map.of("reason", "чужой")).status())
                .isEqualTo(404);

        // the factory cancels the visit: the group's booking is cancelled by the supplier and its seats come back
        assertThat(site.enterprise().post("/api/v1/slots/" + site.slotId() + "/cancel",
                Map.of("reason", "Плановый ремонт гидроагрегата")).status()).isEqualTo(200);
        await("booking cancelled by the supplier").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode booking = operator.get("/octo/bookings/" + uuid).json();
            assertThat(booking.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(booking.at("/cancellation/reason").asText()).isNotBlank();
        });
        awaitSeats(site, 0, 0);
        await("cancellation message").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(delivered("+79025551234", reference)).extracting(m -> m.path("body").asText())
                        .anySatisfy(body -> assertThat(body.toLowerCase()).contains("отмен")));
    }

    static List<Map<String, String>> reserveItems(Site site, int children, int adults) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            items.add(Map.of("unitId", site.unitIds().get("CHILD")));
        }
        for (int i = 0; i < adults; i++) {
            items.add(Map.of("unitId", site.unitIds().get("ADULT")));
        }
        return items;
    }

    @Test
    void anOnRequestSiteApprovesAGroupAndAnotherIsDeclined() {
        Site site = site("ON_REQUEST", 40);
        String approved = UUID.randomUUID().toString();
        String declined = UUID.randomUUID().toString();
        assertThat(reserve(site, approved, 10, 2).at("/status")).isEqualTo("ON_HOLD");
        assertThat(reserve(site, declined, 5, 1).at("/status")).isEqualTo("ON_HOLD");
        awaitSeats(site, 18, 0);

        Client.Response pending = operator.post("/octo/bookings/" + approved + "/confirm", contact());
        assertThat(pending.at("/status")).as(pending.toString()).isEqualTo("PENDING");
        assertThat(operator.post("/octo/bookings/" + declined + "/confirm", contact()).at("/status")).isEqualTo("PENDING");

        JsonNode waiting = site.enterprise().get("/api/v1/bookings?status=PENDING&slotId=" + site.slotId()).json();
        JsonNode list = waiting.isArray() ? waiting : waiting.get("items");
        assertThat(list.findValuesAsText("id")).contains(pending.at("/id"));
        assertThat(anotherEnterprise.post("/api/v1/bookings/" + pending.at("/id") + "/approve", null).status()).isEqualTo(404);

        assertThat(site.enterprise().post("/api/v1/bookings/" + pending.at("/id") + "/approve", null).status()).isEqualTo(200);
        String declinedId = operator.get("/octo/bookings/" + declined).at("/id");
        assertThat(site.enterprise().post("/api/v1/bookings/" + declinedId + "/decline",
                Map.of("reason", "Группа превышает норму сопровождающих")).status()).isEqualTo(200);
        assertThat(operator.get("/octo/bookings/" + approved).at("/status")).isEqualTo("CONFIRMED");
        assertThat(operator.get("/octo/bookings/" + declined).at("/status")).isEqualTo("REJECTED");
        awaitSeats(site, 0, 12);
    }

    @Test
    void theManifestOfASecureSiteListsTheGroupsVisitorsForItsEnterpriseOnly() {
        Site site = site("ON_REQUEST", 40, "\"documents\":\"PASSPORT\",\"manifestLeadDays\":3");
        String uuid = UUID.randomUUID().toString();
        String adult = site.unitIds().get("ADULT");
        String body = """
                {"uuid":"%s","productId":"%s","optionId":"DEFAULT","availabilityId":"%s","unitItems":[
                 {"unitId":"%s","contact":{"fullName":"Петров Пётр"},"visitor":{"documentType":"PASSPORT","documentNumber":"2514 123456","birthDate":"1980-05-01"}},
                 {"unitId":"%s","contact":{"fullName":"Сидорова Анна"},"visitor":{"documentType":"PASSPORT","documentNumber":"2515 654321","birthDate":"1985-07-12"}}]}"""
                .formatted(uuid, site.productId(), site.slotId(), adult, adult);
        Client.Response[] held = new Client.Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            held[0] = operator.post("/octo/bookings", body);
            return held[0].status() == 200;
        });
        assertThat(held[0].at("/status")).as(held[0].toString()).isEqualTo("ON_HOLD");
        assertThat(operator.post("/octo/bookings/" + uuid + "/confirm", contact()).at("/status")).isEqualTo("PENDING");

        Client.Response manifest = site.enterprise().get("/api/v1/manifests/" + site.slotId());
        assertThat(manifest.status()).as(manifest.toString()).isEqualTo(200);
        JsonNode group = manifest.json().path("bookings").path(0);
        assertThat(group.path("complete").asBoolean()).isTrue();
        assertThat(group.path("visitors").findValuesAsText("documentNumber")).containsExactlyInAnyOrder("2514 123456", "2515 654321");
        assertThat(site.enterprise().get("/api/v1/manifests/" + site.slotId() + "?format=csv").text()).contains("Сидорова Анна");
        assertThat(anotherEnterprise.get("/api/v1/manifests/" + site.slotId()).status()).isEqualTo(404);
        assertThat(operator.get("/api/v1/manifests/" + site.slotId()).status()).isEqualTo(403);
    }

    @Test
    void anUnconfirmedHoldExpiresAndItsSeatsComeBack() {
        Site site = site("INSTANT", 10);
        String uuid = UUID.randomUUID().toString();
        String body = reserveBody(site, uuid, 4, 1).replace("\"uuid\"", "\"expirationMinutes\":1,\"uuid\"");
        Client.Response[] held = new Client.Response[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            held[0] = operator.post("/octo/bookings", body);
            return held[0].status() == 200;
        });
        assertThat(held[0].at("/status")).isEqualTo("ON_HOLD");
        awaitSeats(site, 5, 0);
        await("hold expired").atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(operator.get("/octo/bookings/" + uuid).at("/status")).isEqualTo("EXPIRED"));
        awaitSeats(site, 0, 0);
        assertThat(operator.post("/octo/bookings/" + uuid + "/confirm", contact()).status()).isEqualTo(400);
    }
}
