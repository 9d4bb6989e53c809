package org.paperboy.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium driven by Selenium, offline: the flags keep it from calling Google's hosts,
 * and its profile and HOME live under the test's temporary directory.
 */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /**
     * Skips the calling test where the browser is not installed, saying which file is missing on stderr too
     * (Surefire's summary only counts skips); under CI (CI=true) a missing browser fails the test instead,
     * so a build machine without it cannot pass with its browser tests silently skipped.
     */
    public static void assumeInstalled() {
        String why = missing(CHROMIUM, CHROMEDRIVER);
        if (why == null) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) Assertions.fail(why + " (CI=true: browser tests must run)");
        System.err.println("SKIPPED browser test: " + why);
        Assumptions.abort(why);
    }

    /** Why the browser tests cannot run with these two executables, or null when they can. */
    public static String missing(Path chromium, Path chromedriver) {
        for (Path p : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(p)) return p + " is missing or not executable: browser tests need Debian's chromium"
                    + " and chromium-driver (apt-get install -y chromium chromium-driver)";
        }
        return null;
    }

    public static ChromeDriver start(Path home, boolean javascript) throws IOException {
        Files.createDirectories(home);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + home.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL); // for cspViolations
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        if (!javascript) options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withEnvironment(Map.of("HOME", home.toString())).build();
        return new ChromeDriver(service, options);
    }

    /** What the console said about the Content-Security-Policy since the last call (reading drains the log). */
    public static List<String> cspViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }
}
