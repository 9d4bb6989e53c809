package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperboy.testing.Axe;
import org.paperboy.testing.HeadlessChromium;

/**
 * The pages beyond the listings (search, trending, a paper's discussion, submit, the account,
 * library and digest settings, profiles, log-in and sign-up) in headless Chromium at 1366×900 and
 * 390 px, light and dark: no error page, no sideways scrolling, axe-core with no serious or
 * critical violation, form fields whose borders stand out (3:1), KaTeX drawn where there is math. One server and one browser for the class;
 * screenshots under target/screenshots/pages.
 */
class SitePagesBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots", "pages");
    static final String MATH_PAPER = "2611.00004";

    @TempDir
    static Path tmp;
    static TestServer server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        server = new TestServer(tmp.resolve("data"), Map.of("rate-limits", "off", "embedding-model", "off"));
        server.app.papers().upsert(List.of(Fixtures.paper(MATH_PAPER, "Scaling $\\mu$P: \\emph{transfer} of $\\alpha = 10^{-3}$ rates", Fixtures.DAY)),
                Fixtures.DAY, (old, incoming) -> incoming);
        TestServer.Client bob = server.client().signUpVerified("bob");
        bob.post("/papers/2611.00001/comments", Map.of("body", "A comment by *bob* with a long unbroken word "
                + "supercalifragilisticexpialidocious-and-some-more-characters-to-overflow-a-phone-screen"));
        TestServer.Client ada = server.client().signUpVerified("ada");
        ada.post("/papers/2611.00001/comments", Map.of("body", "Ada's own comment."));
        ada.post("/submit", Map.of("paper", "2611.00002"));
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start(tmp.resolve("chrome-home"), true);
        logIn();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private static void theme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void open(String path, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        browser.get(server.url(path));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> "complete".equals(js("return document.readyState")));
    }

    private static void shot(String name) throws IOException {
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What is wrong with the open page: an error page, sideways scrolling, axe-core's serious and critical findings. */
    private static List<String> problems(String what, boolean phone) {
        List<String> found = new ArrayList<>();
        if (!browser.findElements(By.cssSelector("section.error")).isEmpty()) found.add(what + ": an error page");
        long viewport = ((Number) js("return document.documentElement.clientWidth")).longValue();
        long content = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        if (phone && content > viewport) {
            found.add(what + ": scrolls sideways, " + content + " > " + viewport + " px; widest: " + js("""
                    const w = document.documentElement.clientWidth;
                    return Array.from(document.querySelectorAll('body *')).filter((e) => e.getBoundingClientRect().right > w + 1)
                      .slice(-3).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"""));
        }
        Axe.seriousViolations(browser).forEach(v -> found.add(what + ": " + v));
        fieldBorders().forEach(f -> found.add(what + ": field border under 3:1 (WCAG 1.4.11): " + f));
        return found;
    }

    /** Text fields and menus whose border has less than 3:1 contrast with the background behind them (axe-core does not check this). */
    @SuppressWarnings("unchecked")
    private static List<String> fieldBorders() {
        return (List<String>) js("""
                const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
                const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                  .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
                const behind = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
                    const c = rgb(getComputedStyle(p).backgroundColor); if (c.length === 3 || c[3] > 0) return c; } return [255, 255, 255]; };
                return Array.from(document.querySelectorAll('input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=submit]), select, textarea'))
                  .filter((e) => e.offsetParent !== null)
                  .map((e) => { const a = lum(rgb(getComputedStyle(e).borderTopColor)), b = lum(behind(e));
                    return [e, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; })
                  .filter(([, ratio]) => ratio < 3).map(([e, ratio]) => (e.id || e.name || e.tagName) + ' ' + ratio.toFixed(2));""");
    }

    @Test
    void everyPageInLightAndDarkOnDesktopAndPhone() throws IOException {
        Map<String, String> pages = Map.of(
                "search", "/search?q=paper",
                "trending", "/trending",
                "discussion", "/discussion/2611.00001",
                "paper-comments", "/papers/2611.00001",
                "submit", "/submit",
                "account", "/account",
                "library", "/library",
                "digest-settings", "/account/digest",
                "profile", "/u/ada",
                "day-calendar", "/papers?date=2026-11-26");
        List<String> found = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            theme(scheme);
            for (var page : new TreeMap<>(pages).entrySet()) {
                for (int width : new int[] {1366, 390}) {
                    open(page.getValue(), width, width == 390 ? 844 : 900);
                    found.addAll(problems(page.getKey() + " " + scheme + " " + width, width == 390));
                    shot(page.getKey() + "-" + scheme + "-" + width);
                }
            }
        }
        theme("light");
        assertEquals(List.of(), found, String.join("\n", found));
    }

    @Test
    void theFieldBorderCheckCatchesAFaintBorder() {
        browser.get("data:text/html,<body style='background:%23fff'><input id=faint style='border:1px solid %23ddd'>"
                + "<input id=firm style='border:1px solid %23767676'></body>");
        List<String> faint = fieldBorders();
        assertEquals(1, faint.size(), faint.toString());
        assertTrue(faint.get(0).startsWith("faint 1.3"), faint.toString());
    }

    @Test
    void searchAndTrendingDrawTheirMathWithKatex() {
        for (String path : List.of("/search?q=scaling", "/trending")) {
            open(path, 1366, 900);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
                if (d.findElements(By.cssSelector(".search-result .katex, #title-" + MATH_PAPER.replace(".", "\\.") + " .katex")).isEmpty()) {
                    d.navigate().refresh(); // the search index follows the catalog within seconds
                    return false;
                }
                return true;
            });
        }
    }

    @Test
    void theLoggedOutPagesToo() throws IOException {
        List<String> found = new ArrayList<>();
        browser.manage().deleteAllCookies();
        try {
            for (String scheme : List.of("light", "dark")) {
                theme(scheme);
                for (String path : List.of("/login", "/signup", "/subscribe", "/trending")) {
                    for (int width : new int[] {1366, 390}) {
                        open(path, width, width == 390 ? 844 : 900);
                        found.addAll(problems(path + " logged out " + scheme + " " + width, width == 390));
                    }
                }
                shot("login-" + scheme);
            }
        } finally {
            theme("light");
            logIn();
        }
        assertEquals(List.of(), found, String.join("\n", found));
    }

    /** Logs the browser in as ada (again, after the logged-out test). */
    private static void logIn() {
        browser.get(server.url("/login?next=/account"));
        browser.findElement(By.id("username")).sendKeys("ada");
        browser.findElement(By.id("password")).sendKeys("correct horse ada");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }
}
