package ru.promtour.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import ru.promtour.e2e.browser.Browser;
import ru.promtour.e2e.browser.BrowserExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 §1 in a real browser: a visitor finds a factory visit in the public guide, no account needed. */
class GuideBrowserIT {

    @RegisterExtension
    final BrowserExtension browsers = new BrowserExtension(() -> Platform.get().gatewayUrl());

    @Test
    void aVisitorSearchesByRegionAndGroupSizeAndOpensTheProgramWithItsCalendar() {
        WebScenario.Enterprise factory = WebScenario.kalugaConfectionery();
        String token = "e2e" + UUID.randomUUID().toString().substring(0, 6);
        String title = "Как рождается зефир " + token;
        WebScenario.Program program = WebScenario.program(factory, title, 5, 30);

        Browser browser = browsers.browser().go("/guide");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("ru");
        // the region comes from the programs the guide knows; the catalog learns a new program within a moment
        browser.awaitOnReload("result-card", Duration.ofSeconds(20));
        browser.select("region", "RU-KLU").fill("groupSize", "25").fill("q", token);
        browser.driver().findElement(By.name("q")).submit();

        browser.awaitOnReload("result-card", Duration.ofSeconds(20));
        assertThat(browser.allByTestId("result-card")).hasSize(1);
        WebElement card = browser.byTestId("result-card");
        assertThat(card.getText()).contains(title).contains(factory.name()).contains("10:00").contains("600");
        assertThat(browser.path()).isEqualTo("/guide");
        assertThat(browser.driver().getCurrentUrl()).contains("region=RU-KLU").contains("groupSize=25");

        // a group of 31 does not fit the 30 seats: nothing found, said plainly
        browser.fill("groupSize", "31");
        browser.driver().findElement(By.name("q")).submit();
        assertThat(browser.has("no-results")).isTrue();
        assertThat(browser.allByTestId("result-card")).isEmpty();

        browser.fill("groupSize", "25");
        browser.driver().findElement(By.name("q")).submit();
        browser.byTestId("result-card").findElement(By.cssSelector("[data-testid='program-link']")).click();
        assertThat(browser.path()).isEqualTo("/guide/programs/" + program.id());
        assertThat(browser.text("program-title")).contains(title);
        assertThat(browser.has("availability-calendar")).isTrue();
        assertThat(browser.allByTestId("calendar-day")).hasSizeGreaterThanOrEqualTo(30);
        WebElement day = browser.driver().findElement(By.cssSelector(
                "[data-testid='calendar-day'][data-date='" + program.date() + "']"));
        assertThat(day.getText()).contains("10:00").contains("30");
        browser.screenshot(Path.of(System.getProperty("e2e.screenshots", "target/screenshots"), "readme-guide-program.png"));

        // the same page in English, by the switch in the header
        browser.driver().findElement(By.cssSelector("a.lang")).click();
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.text("program-title")).contains(title);
        browser.go("/guide?region=RU-KLU&q=" + token);
        assertThat(browser.allByTestId("result-card")).hasSize(1);
        browser.screenshot(Path.of(System.getProperty("e2e.screenshots", "target/screenshots"), "readme-guide-en.png"));
    }
}
