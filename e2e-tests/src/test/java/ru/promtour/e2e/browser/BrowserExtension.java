package ru.promtour.e2e.browser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * A fresh browser for every test (its own cookies, so its own session), closed when the test ends. A failed test first
 * leaves what each of its browsers showed at that moment: {@code target/screenshots/<Test>-<method>[-<n>].png} and the
 * page's HTML beside it.
 */
public final class BrowserExtension implements BeforeEachCallback, TestWatcher {

    private final Supplier<String> baseUrl;
    private final List<Browser> open = new ArrayList<>();

    /** @param baseUrl the gateway's address, asked when a test starts */
    public BrowserExtension(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open.add(Browser.open(baseUrl.get()));
    }

    /** The test's browser. */
    public Browser browser() {
        return open.get(0);
    }

    /** One more browser for the same test: another person, with cookies of its own. */
    public Browser another() {
        Browser browser = Browser.open(baseUrl.get());
        open.add(browser);
        return browser;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (int i = 0; i < open.size(); i++) {
            Path file = Path.of(System.getProperty("e2e.screenshots", "target/screenshots"),
                    context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                            + (i == 0 ? "" : "-" + i) + ".png");
            try {
                open.get(i).screenshot(file);
                System.err.println("Screenshot of the failure: " + file.toAbsolutePath());
            }
            catch (RuntimeException ex) {
                System.err.println("No screenshot of the failure: " + ex.getMessage());
            }
        }
        closeAll();
    }

    private void closeAll() {
        open.forEach(browser -> {
            try {
                browser.close();
            }
            catch (RuntimeException ex) {
                System.err.println("Closing a browser: " + ex.getMessage());
            }
        });
        open.clear();
    }
}
