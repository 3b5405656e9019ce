package ru.promtour.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.promtour.test.web.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static ru.promtour.e2e.AccessMatrixIT.Caller.ADMIN;
import static ru.promtour.e2e.AccessMatrixIT.Caller.ANONYMOUS;
import static ru.promtour.e2e.AccessMatrixIT.Caller.ENTERPRISE_A;
import static ru.promtour.e2e.AccessMatrixIT.Caller.ENTERPRISE_B;
import static ru.promtour.e2e.AccessMatrixIT.Caller.OPERATOR_A;
import static ru.promtour.e2e.AccessMatrixIT.Caller.OPERATOR_B;

/**
 * The access matrix through the real gateway and services: for every route of the gateway's route table (read from
 * its application.yml, so a route added without a probe here fails this test) and every kind of caller, the
 * answer the route table promises — 401 without a key, 403 for a tenant type the route is not for, never a 5xx.
 * Then every object of one tenant is probed by id from the other tenant of the same kind (programs, slots,
 * bookings, manifests, messages, webhooks): 100 % denied, none by a 5xx.
 */
class AccessMatrixIT {

    enum Caller { ANONYMOUS, ADMIN, ENTERPRISE_A, ENTERPRISE_B, OPERATOR_A, OPERATOR_B }

    private static final Set<Caller> ENTERPRISES = EnumSet.of(ENTERPRISE_A, ENTERPRISE_B);
    private static final Set<Caller> OPERATORS = EnumSet.of(OPERATOR_A, OPERATOR_B);

    static Platform platform;
    static final Map<Caller, Client> clients = new LinkedHashMap<>();
    /** Enterprise A's program and slot; operator A's confirmed booking there. */
    static String productA;
    static String slotA;
    static String bookingUuidA;
    static String bookingIdA;
    /** Operator A's webhook. */
    static String webhookA;

    @BeforeAll
    static void tenants() {
        platform = Platform.get();
        CatalogScenarioIT.admin = new Client(platform.gatewayUrl(), Platform.ADMIN_KEY);
        clients.put(ANONYMOUS, new Client(platform.gatewayUrl(), null));
        clients.put(ADMIN, CatalogScenarioIT.admin);
        clients.put(ENTERPRISE_A, new Client(platform.gatewayUrl(), CatalogScenarioIT.enterprise(newId(), "Europe/Kaliningrad")));
        clients.put(ENTERPRISE_B, new Client(platform.gatewayUrl(), CatalogScenarioIT.enterprise(newId(), "Europe/Moscow")));
        clients.put(OPERATOR_A, new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Оператор А")));
        clients.put(OPERATOR_B, new Client(platform.gatewayUrl(), CatalogScenarioIT.operatorKey("Оператор Б")));

        Client enterprise = clients.get(ENTERPRISE_A);
        Client.Response program = enterprise.post("/api/v1/excursions", CatalogScenarioIT.program());
        assertThat(program.status()).as(program.toString()).isEqualTo(201);
        productA = program.at("/id");
        assertThat(enterprise.post("/api/v1/excursions/" + productA + "/publish", null).status()).isEqualTo(200);
        Client.Response slot = enterprise.post("/api/v1/excursions/" + productA + "/slots",
                Map.of("localStart", LocalDate.now().plusDays(9) + "T11:00", "capacity", 30));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        slotA = slot.at("/id");

        Client operator = clients.get(OPERATOR_A);
        String adultUnit = operator.get("/octo/products/" + productA).json().at("/options/0/units").findValuesAsText("id").get(0);
        bookingUuidA = UUID.randomUUID().toString();
        Map<String, Object> reserve = Map.of("uuid", bookingUuidA, "productId", productA, "optionId", "DEFAULT",
                "availabilityId", slotA, "unitItems", List.of(Map.of("unitId", adultUnit), Map.of("unitId", adultUnit)));
        Client.Response[] held = new Client.Response[1];
        await("the booking service knows the new product").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
            .until(() -> (held[0] = operator.post("/octo/bookings", reserve)).status() == 200);
        assertThat(held[0].at("/status")).isEqualTo("ON_HOLD");
        Client.Response confirmed = operator.post("/octo/bookings/" + bookingUuidA + "/confirm", Map.of("contact",
                Map.of("fullName", "Петрова Анна", "emailAddress", "a.petrova@school7.example", "phoneNumber", "+79115550101",
                        "locales", List.of("ru"))));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        Client.Response webhook = operator.post("/octo/webhooks", Map.of("url", "http://127.0.0.1:9/acl-hooks", "event", "booking_update"));
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(200);
        webhookA = webhook.at("/id");
        await("the enterprise sees the booking").atMost(Duration.ofSeconds(20)).until(() -> {
            Client.Response list = enterprise.get("/api/v1/bookings?slotId=" + slotA);
            bookingIdA = list.status() == 200 ? list.json().path(0).path("id").asText("") : "";
            return !bookingIdA.isEmpty();
        });
    }

    private static String newId() {
        return "ent-acl-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One request standing for a route of the table, and who the route table lets through. */
    record Probe(String route, String method, String path, Object body, Set<Caller> allowed) {
    }

    /** Every Path predicate of the gateway's route table, and the probe that stands for it. */
    private static List<Probe> probes() {
        Set<Caller> enterpriseOrAdmin = EnumSet.of(ENTERPRISE_A, ENTERPRISE_B, ADMIN);
        Set<Caller> keyed = EnumSet.complementOf(EnumSet.of(ANONYMOUS));
        Set<Caller> anyone = EnumSet.allOf(Caller.class);
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("/octo/supplier", "GET", "/octo/supplier", null, OPERATORS));
        probes.add(new Probe("/octo/supplier/", "GET", "/octo/supplier/", null, OPERATORS));
        probes.add(new Probe("/octo/products/**", "GET", "/octo/products", null, OPERATORS));
        probes.add(new Probe("/octo/availability/**", "POST", "/octo/availability",
                Map.of("productId", "nope", "optionId", "DEFAULT", "localDate", LocalDate.now().plusDays(3).toString()), OPERATORS));
        probes.add(new Probe("/octo/capabilities", "GET", "/octo/capabilities", null, OPERATORS));
        probes.add(new Probe("/octo/capabilities/", "GET", "/octo/capabilities/", null, OPERATORS));
        probes.add(new Probe("/octo/bookings/**", "GET", "/octo/bookings?resellerReference=none", null, OPERATORS));
        probes.add(new Probe("/octo/webhooks", "GET", "/octo/webhooks", null, OPERATORS));
        probes.add(new Probe("/octo/webhooks/**", "GET", "/octo/webhooks/wh-nope/deliveries", null, OPERATORS));
        probes.add(new Probe("/admin/webhooks/**", "POST", "/admin/webhooks/deliveries/nope/redeliver", null, EnumSet.of(ADMIN)));
        probes.add(new Probe("/api/v1/enterprises/**", "GET", "/api/v1/enterprises/ent-nope", null, enterpriseOrAdmin));
        probes.add(new Probe("/api/v1/excursions/**", "GET", "/api/v1/excursions?mine=true", null, enterpriseOrAdmin));
        probes.add(new Probe("/api/v1/slots/**", "GET", "/api/v1/slots/slot-nope", null, enterpriseOrAdmin));
        probes.add(new Probe("/api/v1/routes", "GET", "/api/v1/routes", null, keyed));
        probes.add(new Probe("/api/v1/routes", "POST", "/api/v1/routes", Map.of("title", ""),
                EnumSet.of(OPERATOR_A, OPERATOR_B, ADMIN)));
        probes.add(new Probe("/api/v1/routes/**", "GET", "/api/v1/routes/route-nope", null, keyed));
        probes.add(new Probe("/api/v1/catalog/**", "GET", "/api/v1/catalog/excursions", null, anyone));
        probes.add(new Probe("/api/v1/bookings/**", "GET", "/api/v1/bookings", null, enterpriseOrAdmin));
        probes.add(new Probe("/api/v1/allocations", "GET", "/api/v1/allocations", null, keyed));
        probes.add(new Probe("/api/v1/allocations/**", "GET", "/api/v1/allocations/alloc-nope", null, keyed));
        probes.add(new Probe("/api/v1/manifests/**", "GET", "/api/v1/manifests/slot-nope", null, enterpriseOrAdmin));
        probes.add(new Probe("/api/v1/notifications/**", "GET", "/api/v1/notifications?bookingId=" + UUID.randomUUID(), null, keyed));
        probes.add(new Probe("/v3/api-docs/catalog", "GET", "/v3/api-docs/catalog", null, anyone));
        probes.add(new Probe("/v3/api-docs/booking", "GET", "/v3/api-docs/booking", null, anyone));
        probes.add(new Probe("/v3/api-docs/notification", "GET", "/v3/api-docs/notification", null, anyone));
        probes.add(new Probe("/v3/api-docs/reporting", "GET", "/v3/api-docs/reporting", null, anyone));
        // issue 18: statements and agreements for every party, analytics for enterprises and the admin
        probes.add(new Probe("/api/v1/statements", "GET", "/api/v1/statements?month=2026-10", null, keyed));
        probes.add(new Probe("/api/v1/statements/**", "POST", "/api/v1/statements/close?month=2099-01", null,
                EnumSet.of(ADMIN)));
        probes.add(new Probe("/api/v1/agreements", "GET", "/api/v1/agreements", null, keyed));
        probes.add(new Probe("/api/v1/agreements/**", "GET", "/api/v1/agreements/agr-nope", null, keyed));
        probes.add(new Probe("/api/v1/analytics/**", "GET", "/api/v1/analytics/visitors?from=2026-10-01&to=2026-10-31",
                null, enterpriseOrAdmin));
        probes.add(new Probe("/api/v1/reporting/**", "GET", "/api/v1/reporting/projection", null, EnumSet.of(ADMIN)));
        // issue 19: the web pages are open paths (the web module guards its console itself); people's accounts
        probes.add(new Probe("/", "GET", "/", null, anyone));
        probes.add(new Probe("/guide", "GET", "/guide", null, anyone));
        probes.add(new Probe("/guide/**", "GET", "/guide/programs/exc-nope", null, anyone));
        probes.add(new Probe("/console", "GET", "/console", null, anyone));
        probes.add(new Probe("/console/**", "GET", "/console/login", null, anyone));
        probes.add(new Probe("/assets/**", "GET", "/assets/css/app.css", null, anyone));
        // open to anyone (a wrong password is a 401 of its own: an empty body stands for the route here, a 400)
        probes.add(new Probe("gateway: /auth/**", "POST", "/auth/sessions", Map.of(), anyone));
        probes.add(new Probe("gateway: /admin/**", "GET", "/admin/staff", null, EnumSet.of(ADMIN)));
        // the gateway's own paths
        probes.add(new Probe("gateway: /admin/**", "GET", "/admin/operators", null, EnumSet.of(ADMIN)));
        probes.add(new Probe("gateway: /admin/**", "GET", "/admin/api-keys", null, EnumSet.of(ADMIN)));
        probes.add(new Probe("gateway: /admin/**", "GET", "/admin/signing-keys", null, EnumSet.of(ADMIN)));
        probes.add(new Probe("gateway: /admin/**", "GET", "/admin/bookings/" + UUID.randomUUID() + "/story", null,
                EnumSet.of(ADMIN)));
        probes.add(new Probe("gateway: /actuator/prometheus", "GET", "/actuator/prometheus", null, EnumSet.of(ADMIN)));
        probes.add(new Probe("gateway: /.well-known/jwks.json", "GET", "/.well-known/jwks.json", null, anyone));
        return probes;
    }

    @Test
    void everyRouteOfTheTableHasAProbe() throws IOException {
        String config = Files.readString(Path.of(System.getProperty("e2e.root", "..")).resolve("gateway/src/main/resources/application.yml"));
        Set<String> table = new TreeSet<>();
        Matcher paths = Pattern.compile("- Path=(\\S+)").matcher(config);
        while (paths.find()) {
            table.addAll(List.of(paths.group(1).split(",")));
        }
        assertThat(table).as("the gateway's route table").isNotEmpty();
        Set<String> probed = new TreeSet<>();
        probes().forEach(p -> probed.add(p.route()));
        assertThat(probed).as("a probe for every Path predicate of the route table").containsAll(table);
    }

    @Test
    void everyCallerGetsWhatTheRouteTablePromisesAndNeverA5xx() {
        List<String> wrong = new ArrayList<>();
        for (Probe probe : probes()) {
            for (Map.Entry<Caller, Client> caller : clients.entrySet()) {
                Client.Response answer = caller.getValue().send(probe.method(), probe.path(), probe.body());
                boolean allowed = probe.allowed().contains(caller.getKey());
                int expectedDenial = caller.getKey() == ANONYMOUS ? 401 : 403;
                if (answer.status() >= 500 || (allowed && (answer.status() == 401 || answer.status() == 403))
                        || (!allowed && answer.status() != expectedDenial)) {
                    wrong.add(caller.getKey() + " " + probe.method() + " " + probe.path() + " → " + answer.status()
                            + (allowed ? " (allowed)" : " (expected " + expectedDenial + ")"));
                }
            }
        }
        assertThat(wrong).as("answers against the route table").isEmpty();
    }

    /** A service's actuator is on its management port (127.0.0.1): its main port serves no metrics, only the probes. */
    @Test
    void theServicesServeMetricsOnTheirManagementPortsOnly() {
        for (String service : List.of("catalog-service", "booking-service", "notification-service", "reporting-service", "web")) {
            TestHttp main = TestHttp.at(platform.directUrl(service));
            assertThat(main.get("/actuator/prometheus").status()).as("%s main port", service).isIn(401, 404);
            assertThat(main.get("/readyz").status()).as("%s /readyz", service).isEqualTo(200);
            TestHttp.Response metrics = TestHttp.at(platform.managementUrl(service)).get("/actuator/prometheus");
            assertThat(metrics.status()).as("%s management port", service).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void anotherEnterpriseSeesAndChangesNoneOfAnEnterprisesObjects() {
        Client other = clients.get(ENTERPRISE_B);
        List<Client.Response> probes = List.of(
                other.get("/api/v1/excursions/" + productA),
                other.put("/api/v1/excursions/" + productA, CatalogScenarioIT.program()),
                other.post("/api/v1/excursions/" + productA + "/unpublish", null),
                other.post("/api/v1/excursions/" + productA + "/slots", Map.of("localStart", LocalDate.now().plusDays(10) + "T10:00", "capacity", 5)),
                other.get("/api/v1/excursions/" + productA + "/slots"),
                other.get("/api/v1/slots/" + slotA),
                other.patch("/api/v1/slots/" + slotA, Map.of("capacity", 1)),
                other.post("/api/v1/slots/" + slotA + "/close", Map.of("reason", "probe")),
                other.post("/api/v1/slots/" + slotA + "/cancel", Map.of("reason", "probe")),
                other.get("/api/v1/bookings/" + bookingIdA),
                other.post("/api/v1/bookings/" + bookingIdA + "/approve", null),
                other.post("/api/v1/bookings/" + bookingIdA + "/decline", Map.of("reason", "probe")),
                other.get("/api/v1/manifests/" + slotA),
                other.get("/api/v1/manifests/" + slotA + "?format=csv"),
                other.get("/api/v1/notifications?bookingId=" + bookingIdA));
        assertDenied(probes);
        Client.Response list = other.get("/api/v1/bookings?slotId=" + slotA);
        assertThat(list.status()).as(list.toString()).isIn(200, 403, 404);
        assertThat(list.text()).doesNotContain(bookingIdA).doesNotContain(bookingUuidA);
        Client.Response mine = other.get("/api/v1/excursions?mine=true");
        assertThat(mine.text()).doesNotContain(productA);
        assertUntouched();
    }

    @Test
    void anotherOperatorSeesAndChangesNoneOfAnOperatorsBookings() {
        Client other = clients.get(OPERATOR_B);
        List<Client.Response> probes = List.of(
                other.get("/octo/bookings/" + bookingUuidA),
                other.patch("/octo/bookings/" + bookingUuidA, Map.of("notes", "probe")),
                other.post("/octo/bookings/" + bookingUuidA + "/cancel", Map.of("reason", "probe")),
                other.post("/octo/bookings/" + bookingUuidA + "/extend", Map.of("expirationMinutes", 30)),
                other.post("/octo/bookings/" + bookingUuidA + "/confirm", Map.of("contact", Map.of("fullName", "X"))),
                other.get("/api/v1/notifications?bookingId=" + bookingUuidA),
                other.get("/api/v1/notifications?bookingId=" + bookingIdA),
                other.get("/octo/webhooks/" + webhookA + "/deliveries"),
                other.delete("/octo/webhooks/" + webhookA));
        assertDenied(probes);
        for (String filter : List.of("localDate=" + LocalDate.now().plusDays(9), "supplierReference=" + bookingIdA,
                "resellerReference=" + bookingUuidA)) {
            Client.Response list = other.get("/octo/bookings?" + filter);
            assertThat(list.status()).as(list.toString()).isIn(200, 400);
            assertThat(list.text()).doesNotContain(bookingUuidA);
        }
        assertThat(other.get("/octo/webhooks").text()).doesNotContain(webhookA);
        assertUntouched();
    }

    /** Denied: 400 (OCTO's INVALID_BOOKING_UUID for a uuid that is not the caller's), 403 or 404; never 2xx or 5xx. */
    private static void assertDenied(List<Client.Response> probes) {
        assertThat(probes).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isIn(400, 403, 404);
            assertThat(answer.text()).as("nothing of the other tenant's object is echoed").doesNotContain("Петрова");
        });
    }

    /** The owner still sees its objects as they were: nothing above changed them. */
    private static void assertUntouched() {
        assertThat(clients.get(OPERATOR_A).get("/octo/webhooks").text()).as("the webhook is still there").contains(webhookA);
        Client.Response booking = clients.get(OPERATOR_A).get("/octo/bookings/" + bookingUuidA);
        assertThat(booking.status()).isEqualTo(200);
        assertThat(booking.at("/status")).isEqualTo("CONFIRMED");
        assertThat(booking.at("/notes")).isNotEqualTo("probe");
        Client.Response slot = clients.get(ENTERPRISE_A).get("/api/v1/slots/" + slotA);
        assertThat(slot.at("/status")).isEqualTo("OPEN");
        assertThat(slot.json().get("capacity").asInt()).isEqualTo(30);
        assertThat(clients.get(ENTERPRISE_A).get("/api/v1/excursions/" + productA).at("/status")).isEqualTo("PUBLISHED");
    }
}
