package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;
import org.paperboy.testing.Axe;
import org.paperboy.testing.HeadlessChromium;

/**
 * The pages a researcher opens every morning, measured in headless Chromium at 1366×900 and at
 * 390 px, light and dark: cards above the fold, Tab presses to the first card, shortcuts,
 * thumbnails, KaTeX, and axe-core with no serious or critical violation. Screenshots are kept
 * under target/screenshots.
 */
class DailyPagesBrowserTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;

    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        site = new TestSite(TestDatabases.Kind.SQLITE, tmp);
        List<Paper> day = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            String title = i == 1 ? "Scaling laws at $\\mu$P width: \\emph{transfer} of $\\alpha = 10^{-3}$ learning rates"
                    : i == 2 ? "A broken formula $\\frac{1}{$ stays readable"
                    : "Paper number " + i + " on efficient attention for long documents";
            Paper p = TestSite.paper(String.format("2611.%05d", i), title, DAY, i % 3 == 0 ? "cs.CV" : "cs.LG", "stat.ML");
            day.add(new Paper(p.id(), p.title(), List.of(Author.named("Ada Lovelace"), Author.named("Grace Hopper"), Author.named("Alan Turing")),
                    "We study attention with $O(n \\log n)$ cost and a \\textbf{new} kernel. ".repeat(6), p.primaryCategory(), p.categories(),
                    null, null, null, null, p.submitted(), null, p.versions(), p.listingDate(), p.codeLinks(), 0, 0));
        }
        site.add(day.toArray(Paper[]::new));
        site.add(TestSite.paper("2611.09001", "Earlier paper", DAY.minusDays(3), "cs.LG"));
        Files.createDirectories(SHOTS);
        browser = HeadlessChromium.start(tmp.resolve("chrome-home"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @AfterEach
    void light() {
        if (browser != null) theme("light");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + site.server.port() + path;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void theme(String scheme) {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    private static void open(String path, int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        // the window's outer size includes no browser chrome in headless mode; set the viewport exactly
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> "complete".equals(js("return document.readyState")));
    }

    private static void shot(String name) throws IOException {
        Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long cardsAboveTheFold() {
        return ((Number) js("""
                const h = window.innerHeight;
                return Array.from(document.querySelectorAll('article[data-card]'))
                  .filter((c) => { const r = c.getBoundingClientRect(); return r.top >= 0 && r.bottom <= h; }).length;""")).longValue();
    }

    private static void assertNoSeriousViolations(String what) {
        List<String> v = Axe.seriousViolations(browser);
        assertTrue(v.isEmpty(), what + ":\n" + Axe.describe(v));
    }

    @Test
    void atLeastFiveCardsShowAbove1366By900InLightAndDark() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            theme(scheme);
            open("/papers?date=2026-11-23", 1366, 900);
            long shown = cardsAboveTheFold();
            assertTrue(shown >= 5, scheme + ": only " + shown + " cards above the fold");
            shot("day-" + scheme);
            assertNoSeriousViolations("day page, " + scheme);
        }
    }

    @Test
    void theHeaderIsOneRowAndTheChartIsClosed() {
        open("/papers?date=2026-11-23", 1366, 900);
        long headerHeight = ((Number) js("return document.querySelector('header.site').getBoundingClientRect().height")).longValue();
        assertTrue(headerHeight < 70, "header on one row, " + headerHeight + " px tall");
        assertEquals(null, browser.findElement(By.cssSelector("details.chart-box")).getDomAttribute("open"));
    }

    @Test
    void theFirstCardIsReachedWithinFiveTabPresses() {
        open("/papers?date=2026-11-23", 1366, 900);
        int presses = 0;
        boolean reached = false;
        while (presses < 5 && !reached) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            presses++;
            WebElement active = browser.switchTo().activeElement();
            if ("Skip to papers".equals(active.getText())) active.sendKeys(Keys.ENTER);
            reached = (Boolean) js("return !!document.activeElement.closest('article[data-card]')");
        }
        assertTrue(reached, "no card after " + presses + " Tab presses");
    }

    @Test
    void jAndKMoveBetweenCardsAndQuestionMarkShowsTheHelp() {
        open("/papers?date=2026-11-23", 1366, 900);
        new Actions(browser).sendKeys("j").perform();
        String first = (String) js("return document.activeElement.closest('article[data-card]').id");
        new Actions(browser).sendKeys("j").perform();
        String second = (String) js("return document.activeElement.closest('article[data-card]').id");
        assertTrue(!first.equals(second), "j moved on");
        new Actions(browser).sendKeys("k").perform();
        assertEquals(first, js("return document.activeElement.closest('article[data-card]').id"));
        assertTrue((Boolean) js("return document.getElementById(arguments[0]).classList.contains('focused')", first));
        new Actions(browser).sendKeys("?").perform();
        assertEquals(Boolean.TRUE, js("return document.getElementById('shortcuts').open"));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        assertEquals(Boolean.FALSE, js("return document.getElementById('shortcuts').open"));
    }

    @Test
    void uOnACardAsksAnAnonymousVisitorToLogIn() {
        open("/papers?date=2026-11-23", 1366, 900);
        new Actions(browser).sendKeys("j").perform();
        new Actions(browser).sendKeys("u").perform();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().contains("/login?next=/papers/"));
    }

    @Test
    void mathIsRenderedByKatexAndABrokenFormulaKeepsItsSource() {
        open("/papers?date=2026-11-23", 1366, 900);
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.findElements(By.cssSelector("#title-2611\\.00001 .katex")).isEmpty());
        WebElement title = browser.findElement(By.id("title-2611.00001"));
        assertEquals(2, title.findElements(By.cssSelector(".katex")).size(), "$\\mu$ and $\\alpha = 10^{-3}$");
        assertEquals("transfer", title.findElement(By.tagName("em")).getText(), "\\emph{} became emphasis");
        assertTrue(browser.findElement(By.cssSelector("#paper-2611\\.00001 .preview strong")).getText().equals("new"));
        String broken = browser.findElement(By.id("title-2611.00002")).getText();
        assertTrue(broken.contains("\\frac{1}{") && broken.contains("stays readable"), broken);
    }

    @Test
    void cardsShowAThumbnailOrItsPlaceholder() {
        open("/papers?date=2026-11-23", 1366, 900);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> (Boolean) js(
                "const i = document.querySelector('article[data-card] .thumb img'); return i.complete && i.naturalWidth > 0"));
    }

    @Test
    void phonesGetOneColumnWithoutSidewaysScrolling() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            theme(scheme);
            for (String path : List.of("/papers?date=2026-11-23", "/papers/week/2026-W48", "/papers/month/2026-11", "/papers/2611.00001",
                    "/authors/Ada%20Lovelace")) {
                open(path, 390, 844);
                assertTrue(browser.findElements(By.cssSelector("section.error")).isEmpty(), path + " is an error page");
                long viewport = ((Number) js("return document.documentElement.clientWidth")).longValue();
                long content = ((Number) js("return document.documentElement.scrollWidth")).longValue();
                assertTrue(content <= viewport, path + " scrolls sideways at 390 px: " + content + " > " + viewport);
                assertNoSeriousViolations(path + " at 390 px, " + scheme);
            }
            open("/papers?date=2026-11-23", 390, 844);
            long columns = ((Number) js("return getComputedStyle(document.querySelector('ol.cards')).gridTemplateColumns.split(' ').length")).longValue();
            assertEquals(1, columns);
            shot("day-phone-" + scheme);
        }
    }

    @Test
    void thePaperAndAuthorPagesPassAxeInLightAndDark() throws IOException {
        for (String scheme : List.of("light", "dark")) {
            theme(scheme);
            open("/papers/2611.00001", 1366, 900);
            for (String button : List.of("PDF", "arXiv page", "BibTeX")) {
                WebElement b = browser.findElement(By.linkText(button));
                assertTrue(b.getRect().getY() + b.getRect().getHeight() <= 900, button + " is above the fold");
            }
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> (Boolean) js(
                    "const i = document.querySelector('.paper-thumb img'); return i.complete && i.naturalWidth > 0"));
            assertTrue(!browser.findElements(By.cssSelector("#paper-title .katex")).isEmpty(), "math in the paper's title");
            assertNoSeriousViolations("paper page, " + scheme);
            if (scheme.equals("light")) shot("paper");
            open("/authors/Ada%20Lovelace", 1366, 900);
            assertEquals("Ada Lovelace", browser.findElement(By.tagName("h1")).getText());
            assertNoSeriousViolations("author page, " + scheme);
            if (scheme.equals("light")) shot("author");
            open("/papers/week/2026-W48", 1366, 900);
            assertNoSeriousViolations("week page, " + scheme);
        }
    }

    @Test
    void theCalendarOpensADayWithPapers() {
        open("/papers?date=2026-11-23", 1366, 900);
        WebElement earlier = browser.findElement(By.cssSelector("nav.calendar a[href='/papers?date=2026-11-20']"));
        assertEquals("20 November: 1 paper", earlier.getDomAttribute("aria-label"));
        assertTrue(browser.findElements(By.cssSelector("nav.calendar a[href='/papers?date=2026-11-21']")).isEmpty(), "an empty day is no link");
        earlier.click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getCurrentUrl().endsWith("date=2026-11-20"));
    }
}
