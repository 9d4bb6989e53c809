package org.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DKIM signatures checked the way a receiving server does (RFC 6376 section 6), by a verifier
 * written separately here: on the bytes GreenMail received over SMTP, with the public key.
 */
class DkimSignerTest {
    private static KeyPair keys;

    @TempDir
    Path tmp;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        keys = g.generateKeyPair();
    }

    private static Mail digestLike() {
        return new Mail("reader@example.org", "Top papers: ünïcode <b>&</b>", "plain  text   with  spaces \r\n\r\n\r\n",
                "<p>html   body</p>\n", Map.of("List-Unsubscribe", "<https://paperboy.test/unsubscribe/1-abc>, <mailto:u@paperboy.test?subject=unsubscribe>",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), "<id-1@paperboy.test>");
    }

    private DkimSigner signer() {
        return new DkimSigner("paperboy.test", "mail2026", keys.getPrivate(), Clock.systemUTC());
    }

    @Test
    void mailSentOverSmtpVerifiesWithThePublicKeyAndCoversTheUnsubscribeHeaders() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        try {
            MailSettings s = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), MailSettings.Security.NONE, "", "",
                    "Paperboy <digest@paperboy.test>", tmp, signer());
            s.transport().send(digestLike());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            smtp.getReceivedMessages()[0].writeTo(raw);
            byte[] received = raw.toByteArray();
            Map<String, String> tags = Verifier.verify(received, keys.getPublic());
            assertEquals("paperboy.test", tags.get("d"));
            assertEquals("mail2026", tags.get("s"));
            assertEquals("relaxed/relaxed", tags.get("c"));
            List<String> signed = List.of(tags.get("h").split(":"));
            assertTrue(signed.containsAll(List.of("from", "to", "subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post")), signed.toString());

            String tampered = new String(received, StandardCharsets.ISO_8859_1).replace("List-Unsubscribe=One-Click", "List-Unsubscribe=One-Clack");
            assertThrows(AssertionError.class, () -> Verifier.verify(tampered.getBytes(StandardCharsets.ISO_8859_1), keys.getPublic()));
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair other = g.generateKeyPair();
            assertThrows(AssertionError.class, () -> Verifier.verify(received, other.getPublic()), "another key does not verify");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void emlFilesAreSignedTooAndAKeyFileIsRead() throws Exception {
        Path pem = tmp.resolve("dkim.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        DkimSigner fromFile = DkimSigner.fromPemFile("paperboy.test", "sel", pem);
        new EmlDirectoryTransport(tmp.resolve("outbox"), "Paperboy <digest@paperboy.test>", fromFile).send(digestLike());
        Path eml = Files.list(tmp.resolve("outbox")).findFirst().orElseThrow();
        Verifier.verify(Files.readAllBytes(eml), keys.getPublic());

        Files.writeString(tmp.resolve("bad.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        var e = assertThrows(IllegalArgumentException.class, () -> DkimSigner.fromPemFile("d", "s", tmp.resolve("bad.pem")));
        assertTrue(e.getMessage().contains("openssl pkcs8"), e.getMessage());
    }

    @Test
    void relaxedBodyCanonicalizationFollowsTheRfcExamples() {
        // RFC 6376 3.4.6: " C \r\nD \t E\r\n\r\n\r\n" becomes " C\r\nD E\r\n"
        assertEquals(" C\r\nD E\r\n", new String(DkimSigner.relaxedBody(" C \r\nD \t E\r\n\r\n\r\n".getBytes()), StandardCharsets.US_ASCII));
        assertEquals("a:b c", DkimSigner.relaxedHeader("A : b\r\n\t c "));
        assertEquals("", new String(DkimSigner.relaxedBody(new byte[0]), StandardCharsets.US_ASCII));
        assertFalse(DkimSigner.relaxedHeader("Subject: x").contains(" :"));
    }

    /** A DKIM verifier for rsa-sha256 relaxed/relaxed, independent of the signer's code. */
    static final class Verifier {
        static Map<String, String> verify(byte[] message, PublicKey key) throws Exception {
            String m = new String(message, StandardCharsets.ISO_8859_1);
            int split = m.indexOf("\r\n\r\n");
            String head = m.substring(0, split + 2);
            String body = m.substring(split + 4);
            List<String> fields = new ArrayList<>();
            for (String line : head.split("\r\n")) {
                if (line.startsWith(" ") || line.startsWith("\t")) fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "\r\n" + line);
                else if (!line.isEmpty()) fields.add(line);
            }
            String sigField = fields.stream().filter(f -> f.toLowerCase().startsWith("dkim-signature:")).findFirst()
                    .orElseThrow(() -> new AssertionError("no DKIM-Signature"));
            Map<String, String> tags = new HashMap<>();
            for (String t : sigField.substring(sigField.indexOf(':') + 1).split(";")) {
                int eq = t.indexOf('=');
                if (eq > 0) tags.put(t.substring(0, eq).strip(), t.substring(eq + 1).replaceAll("[\\s]+", " ").strip());
            }
            String canonicalBody = body.replaceAll("[ \t]+\r\n", "\r\n").replaceAll("[ \t]+", " ").replaceAll("(\r\n)+$", "");
            if (!canonicalBody.isEmpty()) canonicalBody += "\r\n";
            String bh = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonicalBody.getBytes(StandardCharsets.ISO_8859_1)));
            if (!bh.equals(tags.get("bh").replace(" ", ""))) throw new AssertionError("body hash mismatch");
            StringBuilder data = new StringBuilder();
            List<String> pool = new ArrayList<>(fields);
            for (String name : tags.get("h").split(":")) {
                for (int i = pool.size() - 1; i >= 0; i--) {
                    String f = pool.get(i);
                    if (f.substring(0, f.indexOf(':')).strip().equalsIgnoreCase(name.strip())) {
                        data.append(canon(f)).append("\r\n");
                        pool.remove(i);
                        break;
                    }
                }
            }
            data.append(canon(sigField.replaceAll("(?<=[;\\s])b=[^;]*", "b=")));
            Signature v = Signature.getInstance("SHA256withRSA");
            v.initVerify(key);
            v.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!v.verify(Base64.getDecoder().decode(tags.get("b").replace(" ", "")))) throw new AssertionError("signature does not verify");
            return tags;
        }

        private static String canon(String field) {
            int colon = field.indexOf(':');
            String value = field.substring(colon + 1).replace("\r\n", "").replaceAll("[ \t]+", " ").strip();
            return field.substring(0, colon).strip().toLowerCase() + ":" + value;
        }
    }
}
