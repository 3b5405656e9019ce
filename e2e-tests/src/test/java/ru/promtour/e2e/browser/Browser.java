package ru.promtour.e2e.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import static org.awaitility.Awaitility.await;

/**
 * One headless chromium window on the platform's gateway, with the few verbs the tests speak: open a path, find by
 * {@code data-testid}, fill a field by its {@code name}, click, wait. Elements are found by the {@code data-testid}
 * attributes the pages promise (web/README.md), never by layout.
 * <p>
 * The browser and its driver are Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them),
 * or whatever {@code CHROME_BIN} and {@code CHROMEDRIVER} name. When they are missing, the test fails saying so.
 */
public final class Browser implements AutoCloseable {

    private static final List<String> CHROME_CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVER_CANDIDATES = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final WebDriver driver;
    private final String baseUrl;
    private final Path downloads;

    private Browser(WebDriver driver, String baseUrl, Path downloads) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.downloads = downloads;
    }

    /** A new browser (its own cookies) on {@code baseUrl}; files it downloads land in a fresh folder. */
    public static Browser open(String baseUrl) {
        Path chrome = locate("CHROME_BIN", CHROME_CANDIDATES).orElseThrow(() -> missing("chromium", "CHROME_BIN"));
        Path chromedriver = locate("CHROMEDRIVER", DRIVER_CANDIDATES)
            .orElseThrow(() -> missing("chromedriver (Debian package chromium-driver)", "CHROMEDRIVER"));
        Path downloads;
        try {
            downloads = Files.createTempDirectory("promtour-downloads-");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.toFile());
        // --no-sandbox: CI runs as root, where chromium refuses its sandbox
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=ru-RU", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "ru-RU,ru"));
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl, downloads);
    }

    private static Optional<Path> locate(String variable, List<String> candidates) {
        String configured = System.getenv(variable);
        Stream<String> paths = configured == null || configured.isBlank() ? candidates.stream()
                : Stream.of(configured);
        return paths.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static IllegalStateException missing(String what, String variable) {
        return new IllegalStateException("The browser tests need " + what + ", which is not installed here. On Debian: "
                + "'apt-get install chromium chromium-driver' (.ci/run does it), or set " + variable + " to its path.");
    }

    /** Opens a path of the gateway, e.g. {@code /guide?region=RU-KLU}. */
    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public WebElement byTestId(String testId) {
        return driver.findElement(testId(testId));
    }

    public List<WebElement> allByTestId(String testId) {
        return driver.findElements(testId(testId));
    }

    public boolean has(String testId) {
        return !allByTestId(testId).isEmpty();
    }

    public String text(String testId) {
        return byTestId(testId).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    /** Types into the field named {@code name} (its previous value cleared). */
    public Browser fill(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /**
     * Sets a date or time field as a script would: typing into {@code <input type=date>} depends on the browser's
     * locale format, the value property does not.
     */
    public Browser setValue(String name, String value) {
        WebElement field = driver.findElement(By.name(name));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field, value);
        return this;
    }

    public Browser select(String name, String value) {
        new Select(driver.findElement(By.name(name))).selectByValue(value);
        return this;
    }

    public Browser check(String name, String value) {
        WebElement box = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            box.click();
        }
        return this;
    }

    public Browser click(String testId) {
        byTestId(testId).click();
        return this;
    }

    /** Within {@code timeout}, reloading the page between looks, until {@code testId} is on it. */
    public Browser awaitOnReload(String testId, Duration timeout) {
        await("'" + testId + "' on " + driver.getCurrentUrl()).atMost(timeout).pollInterval(Duration.ofMillis(700))
            .until(() -> {
                if (has(testId)) {
                    return true;
                }
                driver.navigate().refresh();
                return has(testId);
            });
        return this;
    }

    /** A file this browser downloaded, once it is complete. */
    public Path awaitDownload(String suffix, Duration timeout) {
        return await("a downloaded *" + suffix).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> file.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            }
        }, java.util.Objects::nonNull);
    }

    /** Saves what the window shows as a PNG (and the page's HTML beside it). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(file.resolveSibling(file.getFileName().toString().replace(".png", ".html")),
                    driver.getPageSource());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }
}
