package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.Settings;
import org.paperboy.mail.MailSettings;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** Accounts against a real SMTP server (GreenMail) and the real Argon2id parameters. */
class AccountsMailTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @TempDir
    Path tmp;

    @Test
    void signUpMailsAVerificationLinkThatWorksOnceAndExpires() throws Exception {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
            Settings settings = Settings.load(Map.of("data", tmp.toString(), "smtp-host", "127.0.0.1",
                    "smtp-port", String.valueOf(smtp.getSmtp().getPort()), "smtp-security", "none",
                    "base-url", "https://papers.example.org"), Map.of());
            Community c = new Community(settings, db, new PaperRepository(db), clock, MailSettings.from(settings).transport(),
                    PaperFetcher.NONE, PasswordHasher.Params.OWASP);
            User ada = c.accounts().signUp("ada", "ada@example.org", "correct horse battery", "10.0.0.1").orElseThrow();
            assertFalse(ada.verified());
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertEquals(1, mails.length);
            assertEquals("ada@example.org", mails[0].getAllRecipients()[0].toString());
            Matcher link = Pattern.compile("https://papers\\.example\\.org/account/verify\\?token=([A-Za-z0-9_-]{43})").matcher(GreenMailUtil.getBody(mails[0]));
            assertTrue(link.find(), GreenMailUtil.getBody(mails[0]));
            assertTrue(c.accounts().verify(link.group(1)).verified());
            assertThrows(CommunityException.class, () -> c.accounts().verify(link.group(1)));

            User bob = c.accounts().signUp("bob", "bob@example.org", "correct horse battery", "10.0.0.1").orElseThrow();
            Matcher second = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(GreenMailUtil.getBody(smtp.getReceivedMessages()[1]));
            assertTrue(second.find());
            clock.advance(Accounts.VERIFY_LINK_LIFETIME.plus(Duration.ofMinutes(1)));
            assertThrows(CommunityException.class, () -> c.accounts().verify(second.group(1)), "expired");
            assertFalse(c.accounts().byUsername("bob").orElseThrow().verified());
            assertNotEquals(ada.id(), bob.id());

            assertTrue(c.accounts().signUp("ada2", "Ada@Example.org", "another long password", "10.0.0.2").isEmpty());
            assertEquals(3, smtp.getReceivedMessages().length);
            MimeMessage reminder = null; // GreenMail does not keep the order of arrival
            for (MimeMessage m : smtp.getReceivedMessages()) if (m.getSubject().equals("You already have a Paperboy account")) reminder = m;
            assertNotNull(reminder, "the address's owner is told");
            assertEquals("ada@example.org", reminder.getAllRecipients()[0].toString());
            assertTrue(GreenMailUtil.getBody(reminder).contains("https://papers.example.org/account/reset"));
            assertTrue(c.accounts().byUsername("ada2").isEmpty(), "no second account for the address");
        }
    }

    @Test
    void passwordsAreArgon2idAndWrongOnesFailTheSameWayAsUnknownNames() {
        PasswordHasher h = new PasswordHasher(PasswordHasher.Params.OWASP, new Secrets());
        String stored = h.hash("correct horse battery");
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(h.verify("correct horse battery", stored));
        assertFalse(h.verify("correct horse batterY", stored));
        assertFalse(h.verify("x", "not a hash"));
        assertNotEquals(stored, h.hash("correct horse battery"), "salted");
        assertTrue(h.needsRehash(new PasswordHasher(PasswordHasher.Params.FAST_FOR_TESTS, new Secrets()).hash("p")));
        assertFalse(h.needsRehash(stored));
    }
}
