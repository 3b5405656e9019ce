package ru.promtour.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.promtour.e2e.browser.Browser;
import ru.promtour.e2e.browser.BrowserExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19 §2 in a real browser: factory staff sign in as people (invited by the regional office, never with an API
 * key) and run their visits from the console: a program, its slot, a group that a tour operator books over OCTO,
 * its approval, the manifest, the slot's cancellation after the warning. Another enterprise's staff see none of it;
 * five wrong passwords lock an account.
 */
class ConsoleBrowserIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension(() -> Platform.get().gatewayUrl());

    @Test
    void aStaffMemberRunsAVisitFromProgramToCancelledSlot() throws IOException {
        WebScenario.Enterprise factory = WebScenario.kalugaConfectionery();
        WebScenario.Invitation invitation = WebScenario.invite(factory.id());
        Browser browser = browsers.browser();

        // the invitation sets the password; then the staff member signs in with e-mail and password
        browser.go(invitation.path()).fill("password", WebScenario.PASSWORD).fill("confirmation", WebScenario.PASSWORD);
        browser.driver().findElement(By.name("confirmation")).submit();
        assertThat(browser.path()).isEqualTo("/console/login");
        WebScenario.signIn(browser, invitation.email(), WebScenario.PASSWORD);
        assertThat(browser.path()).isEqualTo("/console");
        assertThat(browser.text("signed-in-as")).isEqualTo("Анна Смирнова");

        // a new on-request program, published
        String title = "Пастила по-калужски " + UUID.randomUUID().toString().substring(0, 6);
        browser.go("/console/programs/new").fill("titleRu", title).fill("titleEn", "Kaluga pastila")
            .fill("description", "Как варят пастилу: от яблок до упаковки").fill("durationMinutes", "90")
            .select("bookingMode", "ON_REQUEST").fill("meetingPoint", "Проходная, ул. Московская, 10")
            .fill("adultPrice", "900").fill("childPrice", "600.50");
        browser.click("save-program");
        assertThat(browser.path()).startsWith("/console/programs/");
        String programId = browser.path().substring("/console/programs/".length());
        assertThat(browser.byTestId("program-status").getDomAttribute("data-status")).isEqualTo("DRAFT");
        browser.click("publish");
        assertThat(browser.byTestId("program-status").getDomAttribute("data-status")).isEqualTo("PUBLISHED");

        // a slot a week ahead at 10:00 Moscow time
        LocalDate date = LocalDate.now().plusDays(7);
        browser.setValue("date", date.toString()).setValue("time", "10:00").fill("capacity", "30");
        browser.click("add-slot");
        browser.awaitOnReload("slot-row", ARRIVAL);
        assertThat(browser.byTestId("slot-row").getText()).contains("10:00").contains("30");
        browser.byTestId("slot-link").click();
        String slotId = browser.path().substring("/console/slots/".length());
        assertThat(browser.byTestId("slot-status").getDomAttribute("data-status")).isEqualTo("OPEN");
        assertThat(browser.text("seats-free")).isEqualTo("30");

        // a tour operator books a school class over OCTO: 3 children and their teacher, contact given
        String uuid = WebScenario.bookOverOcto(programId, slotId);
        browser.awaitOnReload("booking-row", ARRIVAL);
        assertThat(browser.byTestId("booking-row").getText()).contains("Урал-Экскурс");
        assertThat(browser.text("seats-held")).isEqualTo("4");

        // the group waits for approval; the staff member approves it
        browser.go("/console/approvals").awaitOnReload("approval-row", ARRIVAL);
        WebElement row = browser.byTestId("approval-row");
        String bookingId = row.getDomAttribute("data-booking-id");
        row.findElement(By.cssSelector("[data-testid='approve']")).click();
        assertThat(browser.has("notice")).isTrue();
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='approval-row'][data-booking-id='"
                + bookingId + "']"))).isEmpty();

        // the seats are sold now, and the group leader got the confirmation
        browser.go("/console/slots/" + slotId);
        await("4 seats sold").atMost(ARRIVAL).pollInterval(Duration.ofMillis(700)).until(() -> {
            browser.driver().navigate().refresh();
            return browser.text("seats-sold").equals("4");
        });
        browser.screenshot(Path.of(System.getProperty("e2e.screenshots", "target/screenshots"), "readme-console-slot.png"));
        browser.go("/console/bookings/" + bookingId).awaitOnReload("notification-row", ARRIVAL);
        assertThat(browser.byTestId("notification-row").getText()).containsAnyOf("EMAIL", "SMS", "Эл. почта", "SMS");

        // the manifest, downloaded as the browser downloads any file
        browser.go("/console/slots/" + slotId).click("manifest-csv");
        Path csv = browser.awaitDownload(".csv", ARRIVAL);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("supplierReference").contains("leader");
        assertThat(lines).hasSize(5).anySatisfy(line -> assertThat(line).contains("Иванова Мария Петровна"));

        // cancelling the slot: the warning names what will happen, then it happens
        browser.go("/console/slots/" + slotId).click("cancel-slot");
        assertThat(browser.text("cancel-warning")).contains("1").contains("4");
        browser.fill("reason", "Плановая санитарная обработка цеха");
        browser.click("confirm-cancel");
        await("the slot cancelled").atMost(ARRIVAL).pollInterval(Duration.ofMillis(700)).until(() -> {
            browser.go("/console/slots/" + slotId);
            return "CANCELLED".equals(browser.byTestId("slot-status").getDomAttribute("data-status"));
        });
        await("the group cancelled too").atMost(ARRIVAL).pollInterval(Duration.ofMillis(700)).until(() ->
                WebScenario.operator().get("/octo/bookings/" + uuid).at("/status").equals("CANCELLED"));

        // and out
        browser.click("sign-out");
        assertThat(browser.path()).isEqualTo("/console/login");
        browser.go("/console/programs");
        assertThat(browser.path()).isEqualTo("/console/login");
    }

    @Test
    void staffOfAnotherEnterpriseSeeNoneOfIt() {
        WebScenario.Enterprise factory = WebScenario.kalugaConfectionery();
        String title = "Закрытая экскурсия " + UUID.randomUUID().toString().substring(0, 6);
        WebScenario.Program program = WebScenario.program(factory, title, 6, 20);
        WebScenario.Enterprise neighbour = WebScenario.kalugaConfectionery();
        String neighboursStaff = WebScenario.staff(neighbour.id());

        Browser browser = browsers.browser();
        WebScenario.signIn(browser, neighboursStaff, WebScenario.PASSWORD);
        browser.go("/console/programs");
        assertThat(browser.pageText()).doesNotContain(title);
        browser.go("/console/slots");
        assertThat(browser.pageText()).doesNotContain(title);
        for (String path : List.of("/console/programs/" + program.id(), "/console/slots/" + program.slotId(),
                "/console/slots/" + program.slotId() + "/cancel")) {
            browser.go(path);
            assertThat(browser.pageText()).as(path).doesNotContain(title);
            assertThat(browser.has("error")).as(path + " shows an error").isTrue();
        }
        // the regional office's pages are not the staff's
        browser.go("/console/admin/api-keys");
        assertThat(browser.has("api-key-row")).isFalse();
        assertThat(browser.pageText()).doesNotContain("ptk_");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        WebScenario.Enterprise factory = WebScenario.kalugaConfectionery();
        String email = WebScenario.staff(factory.id());
        Browser browser = browsers.browser();

        for (int attempt = 1; attempt <= 4; attempt++) {
            WebScenario.signIn(browser, email, "not-the-password-" + attempt);
            assertThat(browser.byTestId("error").getDomAttribute("data-error")).as("attempt " + attempt).isEqualTo("signin.bad");
        }
        WebScenario.signIn(browser, email, "not-the-password-5");
        assertThat(browser.byTestId("error").getDomAttribute("data-error")).isEqualTo("signin.locked");
        assertThat(browser.text("error")).contains("заблокирована");

        WebScenario.signIn(browser, email, WebScenario.PASSWORD);
        assertThat(browser.path()).isEqualTo("/console/login");
        assertThat(browser.byTestId("error").getDomAttribute("data-error")).isEqualTo("signin.locked");
    }
}
