package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.paperboy.notify.NotifyFixture.paper;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.store.Database;
import org.paperboy.web.SubscriptionRoutes;

/**
 * The whole path over HTTP and real SMTP: subscribe → confirmation mail → confirm → digest →
 * one-click unsubscribe from the List-Unsubscribe header → nothing more arrives.
 */
class SubscriptionFlowTest {
    static final LocalDate DAY = LocalDate.of(2026, 10, 1);
    static final String HOSTILE = "<script>alert('x')</script> & \"Attention\" <b>sinks</b>";
    private static final Pattern CONFIRM = Pattern.compile("(http://[^\\s\"<>]+/subscribe/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path tmp;

    private NotifySite site;
    private Database db;
    private NotifyFixture f;
    private GreenMail smtp;
    private OutboxSender sender;
    private String base;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final HttpClient mailClient = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        site = new NotifySite(tmp);
        db = site.db;
        f = site.f;
        smtp = site.smtp;
        sender = site.sender;
        base = site.base;
        f.addPapers(paper("2610.00001", HOSTILE, "An abstract about <i>sinks</i> & more.", DAY, List.of("Eve <eve@evil>", "Bob"), "cs.CL"),
                paper("2610.00002", "A calm paper", "Nothing to see.", DAY, List.of("Carol"), "cs.LG"));
        f.setUpvotes("2610.00002", 3);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String url, String type, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String body) throws Exception {
        return post(mailClient, "/api/subscriptions", "application/json", body);
    }

    private static String form(String... kv) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            if (b.length() > 0) b.append('&');
            b.append(kv[i]).append('=').append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertTrue(m.find(), "form has a CSRF field");
        return m.group(1);
    }

    private static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart mp = (MimeMultipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) if (mp.getBodyPart(i).isMimeType(type)) return (String) mp.getBodyPart(i).getContent();
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void subscribeConfirmReceiveUnsubscribeThenNothingMoreArrives() throws Exception {
        var created = postJson("{\"email\":\"Reader@Example.org\",\"frequency\":\"daily\",\"topics\":[\"cat:cs.CL\",\"\\\"attention\\\"\"]}");
        assertEquals(202, created.statusCode(), created.body());
        assertEquals(202, postJson("{\"email\":\"reader@example.org\",\"frequency\":\"daily\"}").statusCode());
        assertEquals(new OutboxSender.Report(1, 0, 0, 0), sender.sendDue(), "a repeated subscribe sends one confirmation");
        assertEquals(1, smtp.getReceivedMessages().length);
        MimeMessage confirmation = smtp.getReceivedMessages()[0];
        assertEquals("reader@example.org", confirmation.getAllRecipients()[0].toString());
        Matcher link = CONFIRM.matcher(part(confirmation, "text/plain"));
        assertTrue(link.find(), "the confirmation carries a link");

        f.composer.compose(DigestPeriod.daily(DAY), false);
        assertEquals(0, sender.sendDue().total(), "nothing but the confirmation goes to an unconfirmed address");

        var page = get(link.group(1));
        assertEquals(200, page.statusCode());
        var confirmed = post(browser, "/subscribe/confirm", "application/x-www-form-urlencoded",
                form("_csrf", csrf(page.body()), "token", link.group(1).replaceAll(".*token=", "")));
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("You are subscribed"));
        assertEquals(400, get(link.group(1)).statusCode(), "the link works once");

        assertEquals(1, f.composer.compose(DigestPeriod.daily(DAY), false).queued(), "the rerun reaches the newly confirmed");
        assertEquals(1, sender.sendDue().sent());
        MimeMessage digest = smtp.getReceivedMessages()[1];
        assertDigestHeaders(digest);
        String html = part(digest, "text/html");
        String text = part(digest, "text/plain");
        assertFalse(html.contains("<script>"), "hostile titles are escaped in HTML");
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        assertFalse(html.contains("<i>sinks</i>"));
        assertFalse(html.contains("<link") || html.contains("<script") || html.contains("stylesheet"), "no external CSS, no scripts");
        assertTrue(text.contains(HOSTILE), "the plain-text part carries the title as it is");
        assertTrue(html.indexOf("A calm paper") < html.indexOf("&lt;script&gt;"), "ranked by upvotes");
        assertTrue(html.contains(base + "/papers/2610.00002") && html.contains("https://github.com/example/2610-00002"), "paper and code links");
        assertTrue(text.contains("== New for your topic: cat:cs.CL =="), "topic section");
        assertTrue(text.contains("== New for your topic: \"attention\" =="), text);

        String unsubscribeUrl = digest.getHeader("List-Unsubscribe")[0].replaceAll("^<([^>]+)>.*$", "$1");
        var oneClick = post(mailClient, unsubscribeUrl, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        assertEquals(200, oneClick.statusCode(), "RFC 8058: no cookie, no CSRF token, 2xx");
        assertEquals(SubscriptionStatus.UNSUBSCRIBED, f.subs.findByEmail("reader@example.org").orElseThrow().status());
        assertEquals(200, post(mailClient, unsubscribeUrl, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode(), "repeating is harmless");

        f.addPapers(paper("2610.00003", "Next day", "More.", DAY.plusDays(1), List.of("Dan"), "cs.CL"));
        assertEquals(0, f.composer.compose(DigestPeriod.daily(DAY.plusDays(1)), false).queued());
        assertEquals(0, sender.sendDue().total());
        assertEquals(2, smtp.getReceivedMessages().length, "nothing more arrives");
    }

    private void assertDigestHeaders(MimeMessage m) throws Exception {
        String lu = m.getHeader("List-Unsubscribe")[0];
        assertTrue(lu.matches("<" + Pattern.quote(base) + "/unsubscribe/\\d+-[A-Za-z0-9_-]{43}>, <mailto:digest@paperboy\\.test\\?subject=unsubscribe%20\\d+-[A-Za-z0-9_-]{43}>"), lu);
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        assertTrue(m.getMessageID().matches("<daily\\.2026-10-01\\.\\d+\\.[0-9a-f]{12}@paperboy\\.test>"), m.getMessageID());
        assertEquals(m.getMessageID(), db.jdbi().withHandle(h -> h.createQuery("SELECT message_id FROM outbox WHERE mail_key = 'daily:2026-10-01'")
                .mapTo(String.class).one()), "the Message-ID is the outbox row's, so a retry reuses it");
        assertNotNull(m.getSentDate());
        assertEquals(new InternetAddress(NotifyFixture.FROM), m.getFrom()[0]);
        assertTrue(m.getSubject().startsWith("Paperboy: Top papers of Thursday, 1 October 2026"), m.getSubject());
    }

    @Test
    void everyPageCarriesTheSubscribeFormWhichPrefillsTheProtectedOne() throws Exception {
        for (String page : List.of("/", "/papers/2610.00002", "/search?q=calm", "/trending")) {
            String html = get(page).body();
            assertTrue(html.contains("<form class=\"subscribe-footer\" action=\"/subscribe\" method=\"get\">"), page);
        }
        String prefilled = get("/subscribe?email=" + URLEncoder.encode("a\"b@example.org", StandardCharsets.UTF_8)
                + "&frequency=weekly").body();
        assertTrue(prefilled.contains("value=\"a&#34;b@example.org\"") || prefilled.contains("value=\"a&quot;b@example.org\""),
                "the address is pre-filled, escaped");
        assertTrue(prefilled.contains("<option value=\"weekly\" selected"), "the frequency is pre-filled");
        csrf(prefilled);
        assertEquals(0, smtp.getReceivedMessages().length, "a GET subscribes nobody");
    }

    @Test
    void unsubscribeTokensAreBoundToTheirPurposeAndUnguessable() throws Exception {
        long id = f.confirmedSubscriber("x@example.org", Frequency.DAILY, List.of());
        String settingsToken = f.tokens.token(LinkTokens.Purpose.MANAGE, id);
        assertEquals(404, post(mailClient, "/unsubscribe/" + settingsToken, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode(),
                "a settings token does not unsubscribe");
        String real = f.tokens.token(LinkTokens.Purpose.UNSUBSCRIBE, id);
        String forged = real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
        assertEquals(404, post(mailClient, "/unsubscribe/" + forged, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click").statusCode());
        assertEquals(404, post(mailClient, "/unsubscribe/" + (id + 1) + real.substring(real.indexOf('-')), "application/x-www-form-urlencoded", "").statusCode(),
                "another subscriber's id with this MAC");
        assertEquals(SubscriptionStatus.CONFIRMED, f.subs.find(id).orElseThrow().status());
    }

    @Test
    void settingsPageChangesFrequencyAndTopicsThroughTheSignedLink() throws Exception {
        long id = f.confirmedSubscriber("s@example.org", Frequency.DAILY, List.of());
        String url = f.links.settingsUrl(id);
        var page = get(url);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("s@example.org"));
        assertEquals(403, post(browser, url, "application/x-www-form-urlencoded", form("frequency", "weekly")).statusCode(), "CSRF token required");
        var bad = post(browser, url, "application/x-www-form-urlencoded", form("_csrf", csrf(page.body()), "frequency", "weekly", "topics", "\"unbalanced"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("A quotation mark is not closed"), "the search box's own message: " + bad.body());
        var ok = post(browser, url, "application/x-www-form-urlencoded", form("_csrf", csrf(page.body()), "frequency", "weekly", "topics", "cat:cs.CL\nauthor:Hinton"));
        assertEquals(200, ok.statusCode());
        Subscription s = f.subs.find(id).orElseThrow();
        assertEquals(Frequency.WEEKLY, s.frequency());
        assertEquals(List.of("cat:cs.CL", "author:Hinton"), s.topics());
        assertEquals(404, get(f.links.unsubscribeUrl(id).replace("/unsubscribe/", "/subscription/")).statusCode(), "an unsubscribe token opens no settings");
    }

    @Test
    void badInputIsA400WithAMessageAndTheFormNeedsItsCsrfToken() throws Exception {
        var bad = postJson("{\"email\":\"not-an-address\",\"frequency\":\"daily\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("is not an e-mail address"), bad.body());
        assertTrue(postJson("{\"email\":\"a@example.org\",\"frequency\":\"hourly\"}").body().contains("daily or weekly"));
        assertEquals(400, postJson("{\"email\":\"a@example.org\",\"topics\":\"cat:cs.CL\"}").statusCode());
        assertEquals(400, postJson("{\"email\":").statusCode());
        f.clock.advance(Duration.ofHours(1)); // the limiter counts bad requests too; refill it
        assertTrue(postJson("[1,2]").body().contains("Expected a JSON object"));

        var page = get("/subscribe");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("action=\"/subscribe\""));
        assertEquals(403, post(mailClient, "/subscribe", "application/x-www-form-urlencoded", form("email", "a@example.org")).statusCode());
        var formBad = post(browser, "/subscribe", "application/x-www-form-urlencoded", form("_csrf", csrf(page.body()), "email", "a@<script>"));
        assertEquals(400, formBad.statusCode());
        assertFalse(formBad.body().contains("a@<script>"), "the echoed input is escaped");
        var formOk = post(browser, "/subscribe", "application/x-www-form-urlencoded", form("_csrf", csrf(page.body()), "email", "a@example.org", "frequency", "weekly"));
        assertEquals(200, formOk.statusCode());
        assertTrue(formOk.body().contains("confirmation mail is on its way"));
        assertEquals(Frequency.WEEKLY, f.subs.findByEmail("a@example.org").orElseThrow().frequency());
        assertEquals(400, get("/subscribe/confirm?token=nonsense").statusCode());
    }

    @Test
    void subscriptionsAreRateLimitedPerAddressWithRetryAfter() throws Exception {
        for (int i = 0; i < SubscriptionRoutes.BURST; i++) {
            assertEquals(202, postJson("{\"email\":\"r" + i + "@example.org\"}").statusCode());
        }
        var limited = postJson("{\"email\":\"more@example.org\"}");
        assertEquals(429, limited.statusCode());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= SubscriptionRoutes.REFILL.toSeconds(), "Retry-After " + retryAfter);
        assertTrue(f.subs.findByEmail("more@example.org").isEmpty());
        f.clock.advance(Duration.ofSeconds(retryAfter));
        assertEquals(202, postJson("{\"email\":\"more@example.org\"}").statusCode());
    }

    private HttpResponse<String> getAs(String who, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(base + path)).header(NotifySite.AS_ADMIN, who).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedInAccountReachesItsSubscriptionSettingsWithoutTheMailedLink() throws Exception {
        assertEquals("/login?next=/account/digest", get("/account/digest").headers().firstValue("Location").orElseThrow());
        var form = getAs("reader", "/account/digest");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("value=\"reader@example.org\""), "not subscribed yet: the form, filled in");
        long id = f.confirmedSubscriber("reader@example.org", Frequency.WEEKLY, List.of());
        var redirect = getAs("reader", "/account/digest");
        assertEquals(302, redirect.statusCode());
        assertEquals(f.links.settingsUrl(id).replace(base, ""), redirect.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void adminPagesShowTheNextDigestAndDeliveryOnlyToAdministrators() throws Exception {
        assertEquals(401, get("/admin/digest/preview").statusCode(), "not signed in");
        assertEquals(403, getAs("reader", "/admin/digest/preview").statusCode(), "signed in, not an administrator");
        assertEquals(404, getAs("admin", "/admin/digest/preview").statusCode(), "weeks after the last listing the job sends no daily digest, so none is shown");
        Instant later = f.clock.instant();
        f.clock.advance(Duration.between(later, Instant.parse("2026-10-02T09:00:00Z"))); // the morning after the listing
        var ok = getAs("admin", "/admin/digest/preview");
        assertEquals(200, ok.statusCode());
        assertTrue(ok.body().contains("A calm paper") && ok.body().contains("&lt;script&gt;"), ok.body());
        assertTrue(getAs("admin", "/admin/digest/preview?part=text").body().contains(HOSTILE));
        assertEquals(0, f.count("SELECT COUNT(*) FROM outbox"), "previewing sends and queues nothing");
        f.clock.advance(Duration.between(f.clock.instant(), later));

        f.confirmedSubscriber("a@example.org", Frequency.DAILY, List.of());
        f.confirmedSubscriber("b@example.org", Frequency.DAILY, List.of());
        f.composer.compose(DigestPeriod.daily(DAY), false);
        assertEquals(2, sender.sendDue().sent());
        var admin = getAs("admin", "/admin/digest");
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("<svg") && admin.body().contains("<title>2026-11-24: 2 sent, 0 failed</title>"), admin.body());
        assertTrue(admin.body().contains("daily:2026-10-01") && admin.body().contains("confirmed/daily"));
        assertEquals(401, get("/admin/digest").statusCode());
    }
}
