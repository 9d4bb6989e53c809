package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.config.ConfigException;
import org.paperboy.config.Settings;
import org.paperboy.mail.MailSettings;

/** The digest settings: defaults, environment, and a clear message for each bad value. */
class NotifySettingsTest {
    @TempDir
    Path tmp;

    @Test
    void defaultsAndEnvironment() {
        Settings d = Settings.defaults();
        assertEquals(LocalTime.of(8, 0), d.digest().digestTime());
        assertEquals(DayOfWeek.MONDAY, d.digest().weeklyDay());
        assertEquals(3, d.digest().hardBounceLimit());
        Settings env = Settings.load(Map.of(), Map.of("PAPERBOY_DIGEST_TIME", "06:30", "PAPERBOY_DIGEST_WEEKDAY", "friday"));
        assertEquals(LocalTime.of(6, 30), env.digest().digestTime());
        assertEquals(DayOfWeek.FRIDAY, env.digest().weeklyDay());
    }

    @Test
    void badValuesStopStartUpWithTheSettingsName() {
        assertTrue(bad("digest-time", "8am").contains("--digest-time"));
        assertTrue(bad("digest-weekday", "someday").contains("--digest-weekday"));
        assertTrue(bad("hard-bounce-limit", "0").contains("--hard-bounce-limit"));
        assertTrue(bad("mail-workers", "many").contains("--mail-workers"));
        assertTrue(bad("unsubscribe-mailto", "<x>").contains("--unsubscribe-mailto"));
        assertTrue(bad("dkim-domain", "example.org").contains("all three"));
    }

    @Test
    void dkimSettingsLoadTheKeyOrSayWhatIsWrong() throws Exception {
        var g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        Path pem = tmp.resolve("dkim.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Map<String, String> flags = Map.of("dkim-domain", "example.org", "dkim-selector", "pb", "dkim-key-file", pem.toString());
        MailSettings m = MailSettings.from(Settings.load(flags, Map.of()));
        assertNotNull(m.dkim());
        assertEquals("example.org", m.dkim().domain());
        assertTrue(m.toString().contains("pb._domainkey.example.org"));
        Map<String, String> missing = Map.of("dkim-domain", "example.org", "dkim-selector", "pb", "dkim-key-file", tmp.resolve("nope.pem").toString());
        var e = assertThrows(ConfigException.class, () -> MailSettings.from(Settings.load(missing, Map.of())));
        assertTrue(e.getMessage().startsWith("--dkim-key-file: cannot read"), e.getMessage());
    }

    private static String bad(String name, String value) {
        return assertThrows(ConfigException.class, () -> Settings.load(Map.of(name, value), Map.of())).getMessage();
    }
}
