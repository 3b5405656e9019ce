package ru.promtour.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group travel beyond one slot, through the gateway (issue 16): the regional office composes a two-leg route in
 * Kaluga and an operator books it for a school class all-or-nothing, confirms it and the group leader gets one
 * day plan; an enterprise gives an operator an allocation the others cannot book; a sold-out slot's waitlist gets
 * the seats a cancellation gives back.
 */
class GroupTravelScenarioIT {

    static Platform platform;
    static Client admin;

    @BeforeAll
    static void platform() {
        platform = Platform.get();
        admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        CatalogScenarioIT.admin = admin;
    }

    /** An operator's id and client. */
    record Operator(String id, Client client) {
    }

    static Operator operator(String name) {
        Client.Response created = admin.post("/admin/operators", Map.of("name", name,
                "email", "booking@" + UUID.randomUUID().toString().substring(0, 8) + ".example", "phone", "+79025551234"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/id");
        return new Operator(id, new Client(platform.gatewayUrl(), CatalogScenarioIT.keyFor("OPERATOR", id)));
    }

    /** A Kaluga enterprise with one published 90-minute program and one slot at {@code localTime} on {@code date}. */
    record Site(Client enterprise, String enterpriseId, String productId, String slotId) {
    }

    static Site kalugaSite(String name, LocalDate date, String localTime, int capacity) {
        String id = "ent-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        Client.Response created = admin.post("/api/v1/enterprises", """
                {"id":"%s","name":"%s","legalName":"ООО «%s»","region":"RU-KLU","city":"Калуга",
                 "address":"Калуга, ул. Ленина, 1","coordinates":{"lat":54.51,"lon":36.26},"industry":"FOOD",
                 "timeZone":"Europe/Moscow","description":"Производство","contacts":{"phone":"+74842000000",
                 "email":"tour@%s.example"}}""".formatted(id, name, name, id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Client enterprise = new Client(platform.gatewayUrl(), CatalogScenarioIT.keyFor("ENTERPRISE", id));
        Client.Response program = enterprise.post("/api/v1/excursions", CatalogScenarioIT.program()
                .replace("\"durationMinutes\":120", "\"durationMinutes\":90")
                .replace("Иркутская ГЭС: плотина и машинный зал", name + ": как это делается"));
        assertThat(program.status()).as(program.toString()).isEqualTo(201);
        String productId = program.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + productId + "/publish", null).status()).isEqualTo(200);
        Client.Response slot = enterprise.post("/api/v1/excursions/" + productId + "/slots",
                Map.of("localStart", date + "T" + localTime, "capacity", capacity));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        return new Site(enterprise, id, productId, slot.at("/id"));
    }

    @Test
    void aSchoolClassBooksATwoLegRouteInKalugaAllOrNothingAndItsLeaderGetsOneDayPlan() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(9);
        Site pastila = kalugaSite("Калужская пастила", day, "10:00", 40);
        Site cheese = kalugaSite("Калужская сыроварня", day, "14:00", 40);
        Operator school = operator("Калуга-Тур");

        Client.Response route = admin.post("/api/v1/routes", Map.of("title", "Калуга промышленная", "region", "RU-KLU",
                "legs", List.of(
                        Map.of("excursionId", pastila.productId(), "earliestLocalTime", "09:00", "latestLocalTime", "12:00",
                                "transferMinutes", 0),
                        Map.of("excursionId", cheese.productId(), "earliestLocalTime", "12:00", "latestLocalTime", "17:00",
                                "transferMinutes", 40))));
        assertThat(route.status()).as(route.toString()).isEqualTo(201);
        String routeId = route.at("/id");
        assertThat(admin.get("/api/v1/routes/" + routeId).at("/legs/1/transferMinutes")).isEqualTo("40");

        // OCTO: the route is a product; its availability on the day is the chain of both slots
        JsonNode product = school.client().get("/octo/products/" + routeId).json();
        Map<String, String> units = new HashMap<>();
        product.at("/options/0/units").forEach(u -> units.put(u.get("reference").asText(), u.get("id").asText()));
        assertThat(units).containsKeys("ADULT", "CHILD");
        JsonNode availability = school.client().post("/octo/availability", Map.of("productId", routeId, "optionId", "DEFAULT",
                "localDate", day.toString(), "units", List.of(Map.of("id", units.get("CHILD"), "quantity", 25)))).json();
        assertThat(availability).hasSize(1);
        String chain = availability.get(0).get("id").asText();
        assertThat(chain).isEqualTo(pastila.slotId() + "~" + cheese.slotId());

        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            items.add(Map.of("unitId", units.get("CHILD")));
        }
        items.add(Map.of("unitId", units.get("ADULT")));
        String uuid = UUID.randomUUID().toString();
        Map<String, Object> reserve = Map.of("uuid", uuid, "productId", routeId, "optionId", "DEFAULT",
                "availabilityId", chain, "unitItems", items);
        Client.Response[] held = new Client.Response[1];
        await("the route reaches booking-service").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> (held[0] = school.client().post("/octo/bookings", reserve)).status() != 400
                        || !held[0].at("/error").matches("INVALID_(PRODUCT|AVAILABILITY)_ID"));
        assertThat(held[0].status()).as(held[0].toString()).isEqualTo(200);
        assertThat(held[0].at("/status")).isEqualTo("ON_HOLD");
        assertThat(held[0].json().get("legs")).hasSize(2);

        // each enterprise sees an ordinary booking of its own slot
        for (Site site : List.of(pastila, cheese)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> site.enterprise().get("/api/v1/slots/" + site.slotId())
                    .json().get("held").asInt() == 26);
            assertThat(site.enterprise().get("/api/v1/bookings?slotId=" + site.slotId()).json()).hasSize(1);
        }

        Client.Response confirmed = school.client().post("/octo/bookings/" + uuid + "/confirm", Map.of("contact", Map.of(
                "fullName", "Иванова Мария Петровна", "emailAddress", "m.ivanova@school42.example",
                "phoneNumber", "+79025551234", "locales", List.of("ru"))));
        assertThat(confirmed.at("/status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        String routeBookingId = confirmed.at("/id");
        // one message with the day's plan for the group leader (not one per leg)
        await("the day plan").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode messages = school.client().get("/api/v1/notifications?bookingId=" + routeBookingId).json();
            assertThat(messages.toString()).contains("route-confirmed");
        });
        for (Site site : List.of(pastila, cheese)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> site.enterprise().get("/api/v1/slots/" + site.slotId())
                    .json().get("confirmed").asInt() == 26);
        }
    }

    @Test
    void anAllocationIsBookableOnlyByItsOperatorUntilReleasedAndAWaitlistGetsTheSeatsACancellationGivesBack() {
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(10);
        Site site = kalugaSite("Калужский турбинный завод", day, "11:00", 10);
        Operator holder = operator("Оператор с квотой");
        Operator other = operator("Оператор без квоты");

        Map<String, Object> grant = Map.of("operatorId", holder.id(), "slotId", site.slotId(), "units", 6,
                "releaseAt", OffsetDateTime.now().plusDays(5).toString());
        Client.Response[] allocation = new Client.Response[1];
        await("the slot's ledger exists").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> (allocation[0] = site.enterprise().post("/api/v1/allocations", grant)).status() != 404);
        assertThat(allocation[0].status()).as(allocation[0].toString()).isEqualTo(201);
        assertThat(allocation[0].at("/slots/0/left")).isEqualTo("6");
        Map<String, Object> ask = Map.of("productId", site.productId(), "optionId", "DEFAULT",
                "availabilityIds", List.of(site.slotId()));
        await("availability per operator").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(other.client().post("/octo/availability", ask).json().get(0).get("vacancies").asInt()).isEqualTo(4);
            assertThat(holder.client().post("/octo/availability", ask).json().get(0).get("vacancies").asInt()).isEqualTo(10);
        });
        Map<String, String> units = new HashMap<>();
        other.client().get("/octo/products/" + site.productId()).json().at("/options/0/units")
                .forEach(u -> units.put(u.get("reference").asText(), u.get("id").asText()));
        String otherUuid = UUID.randomUUID().toString();
        assertThat(other.client().post("/octo/bookings", reserve(site, otherUuid, units.get("ADULT"), 4, false)).at("/status"))
                .isEqualTo("ON_HOLD");
        Client.Response soldOut = other.client().post("/octo/bookings", reserve(site, UUID.randomUUID().toString(),
                units.get("ADULT"), 2, false));
        assertThat(soldOut.status()).isEqualTo(400);
        String holderUuid = UUID.randomUUID().toString();
        assertThat(holder.client().post("/octo/bookings", reserve(site, holderUuid, units.get("ADULT"), 6, false))
                .at("/status")).isEqualTo("ON_HOLD");

        // the slot is full: a third group joins the waitlist, and gets the seats the first group gives back
        Operator late = operator("Опоздавший оператор");
        String lateUuid = UUID.randomUUID().toString();
        Client.Response waiting = late.client().post("/octo/bookings", reserve(site, lateUuid, units.get("ADULT"), 3, true));
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(200);
        assertThat(waiting.at("/status")).isEqualTo("PENDING");
        assertThat(waiting.at("/waitlist/position")).isEqualTo("1");
        assertThat(other.client().post("/octo/bookings/" + otherUuid + "/cancel", Map.of()).at("/status")).isEqualTo("CANCELLED");
        await("the waitlist offer").atMost(Duration.ofSeconds(30)).until(() ->
                "ON_HOLD".equals(late.client().get("/octo/bookings/" + lateUuid).at("/status")));
        assertThat(late.client().post("/octo/bookings/" + lateUuid + "/confirm", Map.of("contact", Map.of(
                "fullName", "Петров Пётр", "emailAddress", "p@school.example", "locales", List.of("ru")))).at("/status"))
                .isEqualTo("CONFIRMED");
    }

    private static Map<String, Object> reserve(Site site, String uuid, String unitId, int units, boolean waitlist) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            items.add(Map.of("unitId", unitId));
        }
        Map<String, Object> body = new HashMap<>(Map.of("uuid", uuid, "productId", site.productId(), "optionId", "DEFAULT",
                "availabilityId", site.slotId(), "unitItems", items));
        if (waitlist) {
            body.put("waitlist", true);
        }
        return body;
    }
}
