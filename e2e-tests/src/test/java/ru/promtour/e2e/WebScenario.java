package ru.promtour.e2e;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

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

    static String operatorKey(String name) {
        return CatalogScenarioIT.operatorKey(name);
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
