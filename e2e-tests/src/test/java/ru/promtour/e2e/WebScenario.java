package ru.promtour.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.openqa.selenium.By;
import ru.promtour.e2e.browser.Browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the browser tests set up through the APIs, as the regional office and an enterprise's system would: an
 * enterprise, its published program with a slot, and its staff (invited by the admin, password set).
 */
final class WebScenario {

    static final String PASSWORD = "zefir-i-pastila-2026";

    static {
        CatalogScenarioIT.admin = admin(); // its keyFor and operatorKey issue keys as the admin
    }

    private WebScenario() {
    }

    static Client admin() {
        return new Client(Platform.get().gatewayUrl(), Platform.ADMIN_KEY);
    }

    static Client anonymous() {
        return new Client(Platform.get().gatewayUrl(), null);
    }

    private static String operatorKey;

    /** The tour operator «Урал-Экскурс», registered once per test JVM, with its key. */
    static synchronized Client operator() {
        if (operatorKey == null) {
            operatorKey = CatalogScenarioIT.operatorKey("Урал-Экскурс");
        }
        return new Client(Platform.get().gatewayUrl(), operatorKey);
    }

    /**
     * The operator holds 3 children and 1 adult on the slot over OCTO and confirms with the teacher's contact (an
     * on-request program's group then waits for the enterprise); the booking's OCTO uuid.
     */
    static String bookOverOcto(String productId, String slotId) {
        Client operator = operator();
        await("the product offered over OCTO").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
            .until(() -> operator.get("/octo/products/" + productId).status() == 200);
        Map<String, String> unitIds = new HashMap<>();
        operator.get("/octo/products/" + productId).json().at("/options/0/units")
            .forEach(unit -> unitIds.put(unit.get("reference").asText(), unit.get("id").asText()));
        BookingScenarioIT.operator = operator;
        String uuid = UUID.randomUUID().toString();
        Client.Response held = BookingScenarioIT.reserve(new BookingScenarioIT.Site(null, productId, slotId, unitIds),
                uuid, 3, 1);
        assertThat(held.at("/status")).as(held.toString()).isEqualTo("ON_HOLD");
        Client.Response confirmed = operator.post("/octo/bookings/" + uuid + "/confirm", BookingScenarioIT.contact());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        return uuid;
    }

    /** Signs in on the console's page as a person does: e-mail, password, Enter. */
    static void signIn(Browser browser, String email, String password) {
        browser.go("/console/login").fill("email", email).fill("password", password);
        browser.driver().findElement(By.name("password")).submit();
    }

    /** The regional office's staff member (role ADMIN) whose password is {@link #PASSWORD}; the e-mail. */
    static String regionalOffice() {
        String email = "office-" + UUID.randomUUID().toString().substring(0, 8) + "@region.example";
        Client.Response invited = admin().post("/admin/staff", Map.of("email", email, "name", "Региональный офис",
                "role", "ADMIN"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Client.Response accepted = anonymous().post("/auth/invites/accept",
                Map.of("token", invited.at("/inviteToken"), "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return email;
    }

    /** A Kaluga confectionery (Moscow time) with a unique id and name; its enterprise API client. */
    static Enterprise kalugaConfectionery() {
        String id = "ent-web-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "Фабрика «Калужский зефир» " + id.substring(8);
        Client.Response created = admin().post("/api/v1/enterprises", """
                {"id":"%s","name":"%s","legalName":"ООО «Зефир»","region":"RU-KLU","city":"Калуга",
                 "address":"ул. Московская, 10","coordinates":{"lat":54.51,"lon":36.26},"industry":"CONFECTIONERY",
                 "timeZone":"Europe/Moscow","description":"Зефир и пастила",
                 "contacts":{"phone":"+74842000000","email":"tour@%s.example"}}""".formatted(id, name, id));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Enterprise(id, name, new Client(Platform.get().gatewayUrl(), CatalogScenarioIT.keyFor("ENTERPRISE", id)));
    }

    record Enterprise(String id, String name, Client api) {
    }

    /** A published program of the enterprise with one slot {@code days} ahead at 10:00 local; its id and the slot's. */
    static Program program(Enterprise enterprise, String title, int days, int capacity) {
        Client.Response created = enterprise.api().post("/api/v1/excursions", CatalogScenarioIT.program()
                .replace("Иркутская ГЭС: плотина и машинный зал", title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.at("/id");
        assertThat(enterprise.api().post("/api/v1/excursions/" + id + "/publish", null).status()).isEqualTo(200);
        LocalDate date = LocalDate.now().plusDays(days);
        Client.Response slot = enterprise.api().post("/api/v1/excursions/" + id + "/slots",
                Map.of("localStart", date + "T10:00", "capacity", capacity));
        assertThat(slot.status()).as(slot.toString()).isEqualTo(201);
        return new Program(id, slot.at("/id"), date);
    }

    record Program(String id, String slotId, LocalDate date) {
    }

    /** The admin invites a staff member of the enterprise; the invitation's path ({@code /console/invite?token=…}). */
    static Invitation invite(String enterpriseId) {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@" + enterpriseId + ".example";
        Client.Response invited = admin().post("/admin/staff", Map.of("email", email, "name", "Анна Смирнова",
                "role", "ENTERPRISE", "enterpriseId", enterpriseId));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        assertThat(invited.at("/inviteToken")).startsWith("pti_");
        return new Invitation(email, invited.at("/inviteToken"), invited.at("/invitePath"));
    }

    record Invitation(String email, String token, String path) {
    }

    /** A staff member of the enterprise whose password is {@link #PASSWORD}; the e-mail to sign in with. */
    static String staff(String enterpriseId) {
        Invitation invitation = invite(enterpriseId);
        Client.Response accepted = anonymous().post("/auth/invites/accept",
                Map.of("token", invitation.token(), "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        return invitation.email();
    }
}
