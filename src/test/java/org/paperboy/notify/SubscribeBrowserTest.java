package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The subscribe form and the confirmation page in real headless Chromium, with mail over SMTP. */
class SubscribeBrowserTest {

    @TempDir
    static Path tmp;

    static NotifySite site;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeInstalled();
        site = new NotifySite(tmp);
        browser = HeadlessChromium.start(tmp.resolve("chrome-home"), true);
    }

    @AfterEach
    void theBrowserReportedNoCspViolation() {
        assertEquals(List.of(), HeadlessChromium.cspViolations(browser));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (site != null) site.close();
    }

    @Test
    void aVisitorSubscribesWithTheFormAndConfirmsWithTheButton() throws Exception {
        browser.get(site.url("/subscribe"));
        browser.findElement(By.id("subscribe-email")).sendKeys("visitor@example.org");
        new Select(browser.findElement(By.name("frequency"))).selectByValue("weekly");
        browser.findElement(By.cssSelector("form.subscribe-form button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "confirmation mail is on its way"));

        assertEquals(1, site.sender.sendDue().sent());
        MimeMessage mail = site.smtp.getReceivedMessages()[0];
        Matcher link = Pattern.compile("(http://\\S+/subscribe/confirm\\?token=[A-Za-z0-9_-]+)")
                .matcher((String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent());
        assertTrue(link.find());
        browser.get(link.group(1));
        browser.findElement(By.xpath("//button[normalize-space()='Confirm my subscription']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You are subscribed"));
        Subscription s = site.f.subs.findByEmail("visitor@example.org").orElseThrow();
        assertEquals(SubscriptionStatus.CONFIRMED, s.status());
        assertEquals(Frequency.WEEKLY, s.frequency());
    }
}
