package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.paperboy.testing.HeadlessChromium;

/** Sign up, onboarding, the For-you page with reasons, Save, Not interested, the library and its BibTeX, in headless Chromium. */
class ForYouBrowserTest {
    @TempDir
    Path tmp;
    TestServer server;
    WebDriver browser;

    @BeforeEach
    void start() {
        HeadlessChromium.assumeInstalled();
        server = new TestServer(tmp.resolve("data"), TestServer.settings("rate-limits", "off"));
    }

    @AfterEach
    void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private FluentWait<WebDriver> await() {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class);
    }

    private void fill(String id, String value) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(value);
    }

    @Test
    void fromSignUpToABibtexLibrary() throws Exception {
        browser = HeadlessChromium.start(tmp.resolve("home"), true);
        browser.get(server.url("/signup"));
        fill("username", "ada");
        fill("email", "ada@example.org");
        fill("password", "correct horse ada");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Check your mailbox"));
        String link = server.lastLink("ada@example.org", "/account/verify?token=");
        browser.get(server.url(link.substring(link.indexOf("/account/verify"))));
        browser.findElement(By.id("confirm")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("h1"), "Address confirmed"));
        browser.get(server.url("/login?next=/for-you"));
        fill("username", "ada");
        fill("password", "correct horse ada");
        browser.findElement(By.cssSelector("form.stacked button")).click();

        // a reader without signals is sent to onboarding
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("onboarding")));
        browser.findElement(By.cssSelector("input[name=category][value='cs.CL']")).click();
        browser.findElement(By.cssSelector("input[name=paper][value='2611.00001']")).click();
        browser.findElement(By.cssSelector("#onboarding button[type=submit]")).click();

        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".for-you-list .reason")));
        String reasons = browser.findElement(By.cssSelector(".for-you-list")).getText();
        assertTrue(reasons.contains("like Paper 2611.00001, which you saved"), reasons);

        browser.findElement(By.cssSelector("#paper-2611\\.00002 button.save")).click();
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#paper-2611\\.00002 button.save"), "Saved"));
        browser.findElement(By.cssSelector("#paper-2611\\.00003 button.hide")).click();
        await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("paper-2611.00003")));
        browser.navigate().refresh();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("paper-2611.00002")));
        assertTrue(browser.findElements(By.id("paper-2611.00003")).isEmpty(), "Not interested stays hidden");

        browser.get(server.url("/library"));
        String library = browser.findElement(By.cssSelector(".for-you-list")).getText();
        assertTrue(library.contains("Paper 2611.00001") && library.contains("Paper 2611.00002"), library);
        String bib = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/library.bib').then(r => r.text()).then(done);");
        List<String> keys = parseBibtex(bib);
        assertEquals(2, keys.size(), bib);
    }

    /** The entries' keys; fails on unbalanced braces or an entry without a title. */
    private static List<String> parseBibtex(String bib) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("@(\\w+)\\{([^,\\s]+),").matcher(bib);
        while (m.find()) {
            int depth = 1, i = m.end();
            for (; i < bib.length() && depth > 0; i++) {
                if (bib.charAt(i) == '{') depth++;
                if (bib.charAt(i) == '}') depth--;
            }
            assertEquals(0, depth, "unbalanced braces in " + bib);
            assertTrue(bib.substring(m.end(), i).matches("(?s).*\\btitle\\s*=.*"), "an entry without a title: " + bib);
            keys.add(m.group(2));
        }
        return keys;
    }
}
