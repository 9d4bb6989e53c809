package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The community pages in a real headless Chromium: with htmx, and with JavaScript switched off. */
class CommunityBrowserTest {

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
        try {
            if (browser != null) assertEquals(List.of(), HeadlessChromium.cspViolations(browser), "CSP violations in the console");
        } finally {
            if (browser != null) browser.quit();
            if (server != null) server.close();
        }
    }

    private WebDriver chromium(boolean javascript) throws Exception {
        return HeadlessChromium.start(tmp.resolve(javascript ? "home-js" : "home-nojs"), javascript);
    }

    private void fill(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    private void signUpAndVerify(String name) throws Exception {
        browser.get(server.url("/signup"));
        fill("username", name);
        fill("email", name + "@example.org");
        fill("password", "correct horse " + name);
        browser.findElement(By.cssSelector("form.stacked button")).click();
        waitForText("h1", "Check your mailbox");
        String link = server.lastLink(name + "@example.org", "/account/verify?token=");
        browser.get(server.url(link.substring(link.indexOf("/account/verify"))));
        browser.findElement(By.id("confirm")).click();
        waitForText("h1", "Address confirmed");
    }

    /** Polls for up to 10 s; a page replaced mid-poll (Chromium's "node does not belong to the document") just polls again. */
    private FluentWait<WebDriver> await() {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class);
    }

    private void waitForText(String css, String text) {
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    private void logIn(String name) {
        browser.get(server.url("/login?next=/account"));
        fill("username", name);
        fill("password", "correct horse " + name);
        browser.findElement(By.cssSelector("form.stacked button")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    @Test
    void signUpVerifyLogInSubmitUpvoteCommentLogOutWithHtmx() throws Exception {
        browser = chromium(true);
        signUpAndVerify("ada");
        logIn("ada");

        browser.get(server.url("/submit"));
        fill("paper", "https://arxiv.org/abs/2611.00002");
        browser.findElement(By.cssSelector("form.stacked button")).click();
        waitForText("p.notice", "is on today");

        browser.get(server.url("/discussion/2611.00002"));
        ((JavascriptExecutor) browser).executeScript("window.pbNoReload = true;");
        browser.findElement(By.cssSelector("form.upvote button")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.upvote.voted")));
        assertEquals("1", browser.findElement(By.cssSelector("form.upvote .count")).getText());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.pbNoReload === true;"),
                "htmx swapped the button in place, the page did not reload");
        assertEquals(1, server.app.papers().find("2611.00002").orElseThrow().upvotes());
        // a second click withdraws the vote, again in place
        browser.findElement(By.cssSelector("form.upvote button")).click();
        await().until(ExpectedConditions.textToBe(By.cssSelector("form.upvote .count"), "0"));
        browser.findElement(By.cssSelector("form.upvote button")).click();
        await().until(ExpectedConditions.textToBe(By.cssSelector("form.upvote .count"), "1"));

        // the same button on the daily page's cards
        browser.get(server.url("/papers?date=2026-11-26"));
        WebElement card = browser.findElement(By.id("paper-2611.00003"));
        card.findElement(By.cssSelector("form.upvote button")).click();
        await().until(d -> d.findElement(By.id("paper-2611.00003"))
                .findElements(By.cssSelector("form.upvote.voted")).size() == 1);
        assertEquals(1, server.app.papers().find("2611.00003").orElseThrow().upvotes());

        browser.get(server.url("/discussion/2611.00002"));
        fill("comment-body", "Great *paper* <b>bold?</b>");
        browser.findElement(By.cssSelector("form.comment-form button")).click();
        WebElement body = await()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.comment .comment-body")));
        assertEquals("Great paper <b>bold?</b>", body.getText());
        assertEquals(1, body.findElements(By.tagName("em")).size());

        browser.findElement(By.id("logout")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("nav.account a[href='/login']")));
        browser.get(server.url("/account"));
        assertTrue(browser.getCurrentUrl().contains("/login"), browser.getCurrentUrl());
    }

    @Test
    void theUpvoteButtonWorksWithoutJavascript() throws Exception {
        browser = chromium(false);
        signUpAndVerify("bob");
        logIn("bob");
        browser.get(server.url("/discussion/2611.00001"));
        assertEquals("0", browser.findElement(By.cssSelector("form.upvote .count")).getText());
        browser.findElement(By.cssSelector("form.upvote button")).click();
        WebElement voted = await()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.upvote.voted")));
        assertEquals("1", voted.findElement(By.cssSelector(".count")).getText());
        assertTrue(browser.getCurrentUrl().endsWith("/discussion/2611.00001"), "the form sent the browser back: " + browser.getCurrentUrl());
        assertEquals(1, server.app.papers().find("2611.00001").orElseThrow().upvotes());
        browser.findElement(By.cssSelector("form.upvote button")).click();
        await().until(ExpectedConditions.textToBe(By.cssSelector("form.upvote .count"), "0"));
        assertEquals(0, server.app.papers().find("2611.00001").orElseThrow().upvotes());
    }
}
