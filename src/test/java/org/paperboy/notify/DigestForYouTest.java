package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.App;
import org.paperboy.community.UserRepository;
import org.paperboy.config.Settings;
import org.paperboy.paper.Paper;

/**
 * The For-you section of the daily digest, end to end through App with mail written as .eml files:
 * present with reasons for a subscriber whose address is a verified account with enough signals,
 * absent for a plain subscriber, an account without signals and an unverified one; a paper the
 * reader marked Not interested is in none of their mail's sections.
 */
class DigestForYouTest {
    static final LocalDate BEFORE = LocalDate.of(2026, 11, 19);
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final String HIDDEN_TITLE = "Graph neural networks for molecules that Ada never wants to see";

    @TempDir
    Path tmp;

    /** A mail as a reader sees it: both parts, decoded. */
    record Received(String text, String html) {}

    @Test
    void accountHoldersGetForYouWithReasonsPlainSubscribersDoNotAndHiddenPapersNeverShow() throws Exception {
        Settings settings = Settings.load(Map.of("data", tmp.toString(), "base-url", "https://papers.example.org", "rate-limits", "off"), Map.of());
        try (App app = new App(settings)) {
            List<Paper> earlier = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                earlier.add(NotifyFixture.paper("2611.0010" + i, "Graph neural networks for molecular property prediction " + i,
                        "Message passing graph networks predict molecular properties of molecules.", BEFORE, List.of("Ada"), "cs.LG"));
                earlier.add(NotifyFixture.paper("2611.0020" + i, "Auction design and revenue " + i,
                        "Bidders, auctions and optimal revenue in mechanism design.", BEFORE, List.of("Bea"), "econ.TH"));
            }
            app.papers().upsert(earlier, BEFORE, (a, b) -> b);
            app.papers().upsert(List.of(
                    NotifyFixture.paper("2611.00301", "Equivariant graph networks for molecules", "Graph neural networks on molecular graphs.", DAY, List.of("Cy"), "cs.LG"),
                    NotifyFixture.paper("2611.00302", HIDDEN_TITLE, "Graph neural networks on molecular graphs and molecules.", DAY, List.of("Cy"), "cs.LG"),
                    NotifyFixture.paper("2611.00303", "Revenue of second-price auctions", "Bidders and auctions.", DAY, List.of("Di"), "econ.TH"),
                    NotifyFixture.paper("2611.00304", "Mechanism design with few bidders", "Auctions and revenue.", DAY, List.of("Di"), "econ.TH")),
                    DAY, (a, b) -> b);
            UserRepository users = new UserRepository(app.db());
            long now = System.currentTimeMillis();
            long ada = users.insert("ada", "Ada@Example.org", "x", now, now);
            long bob = users.insert("bob", "bob@example.org", "x", now, now);
            long eve = users.insert("eve", "eve@example.org", "x", null, now);
            for (int i = 1; i <= 3; i++) {
                app.signals().save(ada, "2611.0010" + i);
                app.signals().save(eve, "2611.0010" + i);
            }
            app.signals().hide(ada, "2611.00302");
            for (String email : List.of("ada@example.org", "bob@example.org", "eve@example.org", "plain@example.org")) {
                app.subscriptions().subscribe(email, "daily", List.of("cat:cs.LG"));
            }
            app.db().jdbi().useHandle(h -> h.execute("UPDATE subscriptions SET status = 'confirmed', confirm_hash = NULL"));
            app.db().jdbi().useHandle(h -> h.execute("DELETE FROM outbox"));

            assertEquals(4, app.digestComposer().compose(DigestPeriod.daily(DAY), false).queued());
            assertEquals(4, app.outboxSender().sendDue().sent());
        }
        Map<String, Received> mails = digests(tmp.resolve("outbox"));
        assertEquals(4, mails.size(), mails.keySet().toString());

        Received adaMail = mails.get("ada@example.org");
        assertTrue(adaMail.text().contains("== For you =="), adaMail.text());
        assertTrue(adaMail.text().contains("Why: like Graph neural networks for molecular property prediction"), adaMail.text());
        assertTrue(adaMail.text().indexOf("Equivariant graph networks") < adaMail.text().indexOf("== Top papers =="),
                "the graph paper is in the For-you section, first: " + adaMail.text());
        assertTrue(adaMail.html().contains(">For you</h2>") && adaMail.html().contains("which you saved</div>"), adaMail.html());
        assertFalse(adaMail.text().contains(HIDDEN_TITLE) || adaMail.html().contains(HIDDEN_TITLE),
                "the hidden paper is in none of the sections (For you, top papers, topic cs.LG)");

        for (String other : List.of("plain@example.org", "bob@example.org", "eve@example.org")) {
            Received m = mails.get(other);
            assertFalse(m.text().contains("For you") || m.html().contains("For you") || m.text().contains("Why:"), other + ": " + m.text());
            assertTrue(m.text().contains(HIDDEN_TITLE), other + " did not hide it: " + m.text());
        }
    }

    /** The digests in an .eml outbox by recipient (confirmation mails left out). */
    static Map<String, Received> digests(Path outbox) throws Exception {
        Map<String, Received> out = new HashMap<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                MimeMessage m;
                try (InputStream in = Files.newInputStream(f)) {
                    m = new MimeMessage(Session.getInstance(new Properties()), in);
                }
                if (!m.getSubject().startsWith("Paperboy: Top papers")) continue;
                String text = "", html = "";
                MimeMultipart parts = (MimeMultipart) m.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) text = part.getContent().toString();
                    if (part.isMimeType("text/html")) html = part.getContent().toString();
                }
                out.put(m.getAllRecipients()[0].toString(), new Received(text, html));
            }
        }
        return out;
    }
}
