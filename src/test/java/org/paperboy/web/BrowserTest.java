package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.store.TestDatabases;

/** The daily and paper pages in real headless Chromium: phone width, keyboard, dark theme, chart. */
class BrowserTest {


    @TempDir
    static Path tmp;

    static TestSite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        site = new TestSite(TestDatabases.Kind.SQLITE, tmp);
        Fixture.load(site);
        // a long title and many authors, as real days have
        Paper p = TestSite.paper("2611.00042", "A very long title about " + "hyperparameterisation ".repeat(12), Fixture.DAY, "cs.LG", "stat.ML");
        site.add(new Paper(p.id(), p.title(), List.of(Author.named("A. Author"), Author.named("B. Author"), Author.named("C. Author"),
                Author.named("D. Author"), Author.named("E. Author"), Author.named("F. Author")), "An abstract that goes on. ".repeat(40),
                p.primaryCategory(), p.categories(), null, null, null, null, p.submitted(), null, p.versions(), p.listingDate(),
                p.codeLinks(), 0, 0));
        browser = HeadlessChromium.start(tmp.resolve("chrome-home"), true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @AfterEach
    void theBrowserReportedNoCspViolation() {
        assertEquals(List.of(), HeadlessChromium.cspViolations(browser));
    }

    @Test
    void theConsoleReportsWhatThePolicyBlocks() {
        browser.get(url("/"));
        js("const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s);");
        assertEquals(null, js("return window.injected;"), "an inline script does not run");
        long until = System.nanoTime() + 5_000_000_000L;
        List<String> seen = HeadlessChromium.cspViolations(browser);
        while (seen.isEmpty() && System.nanoTime() < until) seen = HeadlessChromium.cspViolations(browser);
        assertFalse(seen.isEmpty(), "and the check after each test sees it");
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + site.server.port() + path;
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void pagesFitA360PixelScreen() {
        browser.manage().window().setSize(new Dimension(360, 800));
        for (String path : List.of("/papers?date=2026-11-23", "/papers/2611.00042", "/papers/week/2026-W48")) {
            browser.get(url(path));
            long viewport = ((Number) js("return document.documentElement.clientWidth")).longValue();
            long content = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            assertTrue(content <= viewport, path + " scrolls sideways: " + content + " > " + viewport);
        }
    }

    @Test
    void theAbstractExpandsFromTheKeyboard() {
        browser.manage().window().setSize(new Dimension(1200, 900));
        browser.get(url("/papers?date=2026-11-23"));
        WebElement details = browser.findElement(By.cssSelector("#paper-2611\\.00042 details.abstract"));
        WebElement summary = details.findElement(By.tagName("summary"));
        int closed = summary.getSize().getHeight();
        assertFalse(details.getDomProperty("open").equals("true"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", summary);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertEquals("true", details.getDomProperty("open"));
        assertTrue(summary.getSize().getHeight() > 2 * closed, "the preview shows two lines, the open abstract all of it");
    }

    @Test
    void morePapersAppendsTheNextPageInPlace() {
        browser.manage().window().setSize(new Dimension(1200, 900));
        browser.get(url("/papers?date=2026-11-23&limit=2"));
        assertEquals(2, browser.findElements(By.cssSelector("ol.cards > li")).size());
        browser.findElement(By.cssSelector("a[data-more]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("ol.cards > li")).size() == 4);
        assertEquals(url("/papers?date=2026-11-23&limit=2"), browser.getCurrentUrl(), "stayed on the page");
        browser.findElement(By.cssSelector("a[data-more]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("ol.cards > li")).size() == 5);
        assertTrue(browser.findElements(By.cssSelector("a[data-more]")).isEmpty(), "no more pages");
        assertEquals(5, browser.findElements(By.cssSelector("ol.cards article.card")).size());
    }

    @Test
    void darkThemeFollowsTheSystemSetting() {
        browser.get(url("/papers?date=2026-11-23"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        assertEquals("rgb(13, 17, 23)", js("return getComputedStyle(document.body).backgroundColor"));
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
        assertEquals("rgb(255, 255, 255)", js("return getComputedStyle(document.body).backgroundColor"));
    }

    @Test
    void theChartDrawsOneBarPerCategoryWithATextAlternative() {
        browser.get(url("/papers?date=2026-11-23"));
        WebElement svg = browser.findElement(By.cssSelector("figure.chart svg"));
        // its labels are links (category filters): a group labelled by title and description, since an image cannot hold links (axe: nested-interactive)
        assertEquals("group", svg.getDomAttribute("role"));
        assertTrue(svg.getDomAttribute("aria-labelledby").endsWith("-desc"));
        assertEquals(4, svg.findElements(By.tagName("rect")).size(), "cs.CL, cs.LG, cs.CV, stat.ML");
        assertTrue(svg.findElement(By.tagName("desc")).getDomProperty("textContent").contains("cs.LG: 3"));
        assertTrue(svg.getRect().getWidth() > 200);
    }

    @Test
    void everyControlHasALabel() {
        browser.get(url("/papers?date=2026-11-23"));
        for (WebElement input : browser.findElements(By.cssSelector("input, select, textarea"))) {
            String id = input.getDomAttribute("id");
            boolean labelled = input.getDomAttribute("aria-label") != null
                    || (id != null && !browser.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty());
            assertTrue(labelled, "unlabelled control " + input.getDomAttribute("name"));
        }
        for (WebElement nav : browser.findElements(By.tagName("nav"))) {
            assertTrue(nav.getDomAttribute("aria-label") != null, "every nav is named");
        }
    }
}
