package ru.promtour.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 18 through the gateway, on the real services' events: a school group booked and confirmed over OCTO reaches
 * reporting-service's analytics (the admin's regional view and the enterprise's own) as visitors expected on the
 * visit's local date, with the enterprise's region from the catalog's events; and the operator's statement of the
 * visit's month, priced from the catalog's prices with the commission the enterprise agreed.
 */
class ReportingScenarioIT {

    static Client admin;
    static Client operator;

    @BeforeAll
    static void platform() {
        Platform platform = Platform.get();
        admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        CatalogScenarioIT.admin = admin;
        BookingScenarioIT.platform = platform;
        operator = new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Урал-Экскурс"));
        BookingScenarioIT.operator = operator;
    }

    @Test
    void aConfirmedSchoolGroupIsCountedInTheAnalyticsOfItsEnterpriseAndRegion() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", 40);
        String uuid = UUID.randomUUID().toString();
        Client.Response held = BookingScenarioIT.reserve(site, uuid, 20, 2);
        assertThat(held.at("/status")).as(held.toString()).isEqualTo("ON_HOLD");
        Client.Response confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", BookingScenarioIT.contact());
        assertThat(confirmed.at("/status")).as(confirmed.toString()).isEqualTo("CONFIRMED");
        String enterpriseId = BookingScenarioIT.slot(site).path("enterpriseId").asText();
        LocalDate visit = LocalDate.now().plusDays(7);
        String period = "from=" + visit.minusDays(1) + "&to=" + visit.plusDays(1);

        JsonNode regional = await("the booking in the analytics").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> admin.get("/api/v1/analytics/visitors?" + period
                        + "&enterpriseId=" + enterpriseId + "&groupBy=region").json(),
                        json -> json.path("total").path("bookings").asInt() == 1
                                && !json.path("rows").path(0).path("key").asText().equals("UNKNOWN"));
        JsonNode row = regional.path("rows").path(0);
        assertThat(row.path("key").asText()).isEqualTo("RU-IRK");
        JsonNode byIndustry = admin.get("/api/v1/analytics/visitors?" + period + "&enterpriseId=" + enterpriseId
                + "&groupBy=industry").json();
        assertThat(byIndustry.path("rows").path(0).path("key").asText()).isEqualTo("ENERGY");
        assertThat(row.path("units").asInt()).isEqualTo(22);
        assertThat(row.path("children").asInt()).isEqualTo(20);
        assertThat(row.path("schoolGroups").asInt()).isEqualTo(1);
        assertThat(row.path("expectedVisitors").asInt()).isEqualTo(22);
        assertThat(row.path("visitors").asInt()).isZero();

        JsonNode fill = admin.get("/api/v1/analytics/fill-rate?" + period + "&enterpriseId=" + enterpriseId + "&groupBy=slot").json();
        assertThat(fill.path("rows").path(0).path("key").asText()).isEqualTo(site.slotId());
        assertThat(fill.path("rows").path(0).path("capacity").asInt()).isEqualTo(40);
        assertThat(fill.path("rows").path(0).path("sold").asInt()).isEqualTo(22);

        // the enterprise sees its own figures, never another's; operators see no analytics
        JsonNode own = site.enterprise().get("/api/v1/analytics/visitors?" + period + "&groupBy=enterprise").json();
        assertThat(own.path("rows")).hasSize(1);
        assertThat(own.path("rows").path(0).path("key").asText()).isEqualTo(enterpriseId);
        assertThat(site.enterprise().get("/api/v1/analytics/visitors?" + period + "&enterpriseId=ent-someone-else").status())
                .isEqualTo(403);
        assertThat(operator.get("/api/v1/analytics/visitors?" + period).status()).isEqualTo(403);

        // the enterprise agreed 10 % commission with this operator from today: the operator owes it 90 % of the gross
        String month = visit.toString().substring(0, 7);
        String operatorId = operator.get("/api/v1/statements?month=" + month).json().path("party").path("id").asText();
        Client.Response agreement = site.enterprise().post("/api/v1/agreements", java.util.Map.of("operatorId", operatorId,
                "enterpriseId", enterpriseId, "model", "COMMISSION", "percent", 10, "currency", "RUB",
                "effectiveFrom", LocalDate.now().toString()));
        assertThat(agreement.status()).as(agreement.toString()).isEqualTo(201);
        JsonNode statement = operator.get("/api/v1/statements?month=" + month).json();
        assertThat(statement.path("status").asText()).isEqualTo("OPEN");
        JsonNode line = null;
        for (JsonNode group : statement.path("groups")) {
            for (JsonNode l : group.path("lines")) {
                if (l.path("bookingId").asText().equals(confirmed.at("/id"))) {
                    line = l;
                }
            }
        }
        assertThat(line).as(statement.toString()).isNotNull();
        assertThat(line.path("kind").asText()).isEqualTo("CONFIRMED");
        assertThat(line.path("unitsByType").path("CHILD").asInt()).isEqualTo(20);
        // 20 children at 600.00 ₽ and 2 adults at 900.00 ₽ (the program's prices), in kopecks
        assertThat(line.path("gross").asLong()).isEqualTo(20 * 60000L + 2 * 90000L);
        assertThat(line.path("commission").asLong()).isEqualTo(138000L);
        assertThat(line.path("net").asLong()).isEqualTo(1242000L);
        assertThat(line.path("agreementId").asText()).isEqualTo(agreement.at("/id"));
    }

    /**
     * Last season from a previous registry: the admin imports a past slot and two groups that came through the owning
     * services; the enterprise marks one a no-show. The analytics count one group as visitors and the other as a no-show
     * by its cause; the operator's statement of that month charges both, the no-show like a visit.
     */
    @Test
    void importedHistoryAndANoShowReachTheAnalyticsAndTheStatement() {
        BookingScenarioIT.Site site = BookingScenarioIT.site("INSTANT", 40);
        String enterpriseId = BookingScenarioIT.slot(site).path("enterpriseId").asText();
        LocalDate past = LocalDate.now().minusDays(10);
        Client.Response slots = admin.post("/api/v1/excursions/" + site.productId() + "/history-slots",
                java.util.Map.of("slots", java.util.List.of(java.util.Map.of("localStart", past + "T10:00", "capacity", 30))));
        assertThat(slots.status()).as(slots.toString()).isEqualTo(201);
        String slotId = slots.json().path("slots").path(0).path("slotId").asText();
        String month = past.toString().substring(0, 7);
        String operatorId = operator.get("/api/v1/statements?month=" + month).json().path("party").path("id").asText();
        java.time.Instant bookedAt = past.minusDays(30).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        java.util.function.Function<Integer, java.util.Map<String, Object>> group = children -> java.util.Map.of(
                "uuid", UUID.randomUUID().toString(), "operatorId", operatorId, "operatorName", "Урал-Экскурс",
                "slotId", slotId, "outcome", "VISITED", "bookedAt", bookedAt.toString(),
                "confirmedAt", bookedAt.plusSeconds(600).toString(),
                "unitItems", java.util.List.of(java.util.Map.of("unitId", site.unitIds().get("CHILD"), "quantity", children),
                        java.util.Map.of("unitId", site.unitIds().get("ADULT"), "quantity", 1)));
        Client.Response imported = await("booking-service knows the past slot").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> admin.post("/api/v1/bookings/history", java.util.Map.of("bookings", java.util.List.of(
                        group.apply(15), group.apply(9)))), r -> r.status() == 201);
        assertThat(imported.json().path("created").asInt()).as(imported.toString()).isEqualTo(2);
        String noShowId = imported.json().path("bookings").path(1).path("bookingId").asText();
        Client.Response marked = site.enterprise().post("/api/v1/bookings/" + noShowId + "/no-show",
                java.util.Map.of("cause", "NOT_ARRIVED", "note", "Автобус не приехал"));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(200);

        String period = "from=" + past + "&to=" + past + "&enterpriseId=" + enterpriseId;
        JsonNode visitors = await("the history and the no-show in the analytics").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> admin.get("/api/v1/analytics/visitors?" + period).json(),
                        json -> json.path("total").path("noShows").asInt() == 1);
        assertThat(visitors.path("total").path("bookings").asInt()).isEqualTo(2);
        assertThat(visitors.path("total").path("visitors").asInt()).isEqualTo(16);
        assertThat(visitors.path("total").path("schoolGroups").asInt()).isEqualTo(2);
        JsonNode lost = admin.get("/api/v1/analytics/cancellations?" + period).json();
        assertThat(lost.path("rows").path(0).path("key").asText()).isEqualTo("NO_SHOW_NOT_ARRIVED");
        JsonNode fill = admin.get("/api/v1/analytics/fill-rate?" + period).json().path("total");
        assertThat(fill.path("capacity").asInt()).isEqualTo(30);
        assertThat(fill.path("sold").asInt()).isEqualTo(26);

        JsonNode statement = operator.get("/api/v1/statements?month=" + month).json();
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        statement.path("groups").forEach(g -> g.path("lines").forEach(l ->
                kinds.put(l.path("bookingId").asText(), l.path("kind").asText() + " " + l.path("gross").asLong())));
        assertThat(kinds).containsEntry(noShowId, "NO_SHOW " + (9 * 60000L + 90000L))
                .containsEntry(imported.json().path("bookings").path(0).path("bookingId").asText(),
                        "VISITED " + (15 * 60000L + 90000L));
    }
}
