package ru.promtour.e2e;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import ru.promtour.e2e.browser.Browser;
import ru.promtour.e2e.browser.BrowserExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19 §3 in a real browser: the regional office signs in as a person, finds a new enterprise in the register,
 * issues it an API key that is shown once and works, and reads the analytics, whose Chart.js charts draw under the
 * pages' Content-Security-Policy.
 */
class AdminBrowserIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension(() -> Platform.get().gatewayUrl());

    @Test
    void theRegionalOfficeIssuesAKeyOnceAndReadsTheAnalyticsCharts() {
        WebScenario.Enterprise factory = WebScenario.kalugaConfectionery();
        WebScenario.Program program = WebScenario.program(factory, "Зефирная мастерская для аналитики", 4, 30);
        String uuid = WebScenario.bookOverOcto(program.id(), program.slotId());
        Browser browser = browsers.browser();

        WebScenario.signIn(browser, WebScenario.regionalOffice(), WebScenario.PASSWORD);
        assertThat(browser.path()).isEqualTo("/console/admin/enterprises");
        browser.go("/console/admin/enterprises?region=RU-KLU");
        assertThat(browser.allByTestId("enterprise-row")).anySatisfy(row -> assertThat(row.getText()).contains(factory.name()));

        // a key for the enterprise: shown once, and it works at the gateway
        browser.go("/console/admin/api-keys").select("tenantType", "ENTERPRISE").select("tenantId", factory.id())
            .fill("label", "выдан в консоли");
        browser.byTestId("api-key-form").submit();
        String key = browser.text("new-api-key");
        assertThat(key).startsWith("ptk_");
        Client asEnterprise = new Client(Platform.get().gatewayUrl(), key);
        assertThat(asEnterprise.get("/api/v1/enterprises/" + factory.id()).status()).isEqualTo(200);
        browser.go("/console/admin/api-keys");
        assertThat(browser.pageText()).contains("выдан в консоли").doesNotContain(key);

        // the analytics: the booking reaches the projection, the charts draw it
        assertThat(WebScenario.operator().get("/octo/bookings/" + uuid).at("/status")).isEqualTo("CONFIRMED");
        await("the visitors chart drawn").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.go("/console/admin/analytics?groupBy=enterprise");
            return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript(
                    "return !!(window.Chart && Chart.getChart(document.querySelector(\"[data-testid='chart-visitors']\")));"))
                    && browser.pageText().contains(factory.name());
        });
        assertThat(browser.driver().findElements(By.cssSelector("[data-testid='chart-fill-rate']"))).hasSize(1);
        browser.screenshot(Path.of(System.getProperty("e2e.screenshots", "target/screenshots"), "readme-admin-analytics.png"));
    }
}
