package org.paperboy.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MailTransportTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    private MailSettings settings(int port) {
        return new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, "", "", "Paperboy <digest@paperboy.test>", tmp);
    }

    private static Mail sample() {
        return new Mail("reader@example.org", "Today's papers: <b>bold</b> ünïcode", "plain body",
                "<p>html body</p>", Map.of("List-Unsubscribe", "<https://paperboy.test/u/abc>"), "<fixed-id@paperboy.test>");
    }

    @Test
    void deliversMultipartMailWithHeadersOverRealSmtp() throws Exception {
        new SmtpTransport(settings(smtp.getSmtp().getPort())).send(sample());
        MimeMessage[] got = smtp.getReceivedMessages();
        assertEquals(1, got.length);
        MimeMessage m = got[0];
        assertEquals("Today's papers: <b>bold</b> ünïcode", m.getSubject());
        assertEquals("<fixed-id@paperboy.test>", m.getMessageID());
        assertEquals("<https://paperboy.test/u/abc>", m.getHeader("List-Unsubscribe")[0]);
        assertTrue(m.getSentDate() != null);
        Multipart parts = (Multipart) m.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    }

    @Test
    void refusedConnectionIsATemporaryFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var e = assertThrows(MailDeliveryException.class, () -> new SmtpTransport(settings(closedPort)).send(sample()));
        assertFalse(e.permanent(), "a server that is down is worth a retry");
    }

    @Test
    void withoutSmtpWritesStandardEmlFiles() throws Exception {
        MailSettings none = new MailSettings("", 25, MailSettings.Security.NONE, "", "", "Paperboy <digest@paperboy.test>", tmp.resolve("outbox"));
        none.transport().send(sample());
        List<Path> files = Files.list(tmp.resolve("outbox")).toList();
        assertEquals(1, files.size());
        assertTrue(files.get(0).toString().endsWith(".eml"));
        try (InputStream in = Files.newInputStream(files.get(0))) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("reader@example.org", m.getAllRecipients()[0].toString());
            assertEquals("<fixed-id@paperboy.test>", m.getMessageID());
        }
        String raw = Files.readString(files.get(0));
        assertTrue(raw.contains("Content-Transfer-Encoding: 8bit") && raw.contains("<p>html body</p>"),
                "an unsigned file keeps its text as it is (no quoted-printable): " + raw);
    }

    @Test
    void anEmlFileIsWrittenInAFewLargeWritesNotOneCallPerByte() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        EmlDirectoryTransport t = new EmlDirectoryTransport(tmp.resolve("outbox"), "Paperboy <digest@paperboy.test>", null,
                file -> new FilterOutputStream(Files.newOutputStream(file)) {
                    @Override
                    public void write(int b) throws IOException {
                        writes.incrementAndGet();
                        bytes.incrementAndGet();
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        writes.incrementAndGet();
                        bytes.addAndGet(len);
                        out.write(b, off, len);
                    }
                });
        t.send(sample());
        assertTrue(bytes.get() > 300, "a whole mail: " + bytes.get() + " bytes");
        assertTrue(writes.get() <= 5, writes.get() + " writes for " + bytes.get() + " bytes");
        assertEquals(1, Files.list(tmp.resolve("outbox")).filter(p -> p.toString().endsWith(".eml")).count());
    }

    @Test
    void anUnsignedMailsTextIsWrittenInBlocksAndReadsBackAsItWas() throws Exception {
        String text = "Schrödinger's ünïcode digest, line after line\n".repeat(2000);
        String html = "<p>Schrödinger — μ</p>\n".repeat(2000);
        Mail mail = new Mail("reader@example.org", "subject", text, html, Map.of(), "<blocks@paperboy.test>");
        MimeMessage m = MimeMessages.build(Session.getInstance(new Properties()), "digest@paperboy.test", mail, new Date(), "8bit");
        AtomicInteger singleBytes = new AtomicInteger();
        ByteArrayOutputStream written = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(int b) {
                singleBytes.incrementAndGet();
                super.write(b);
            }
        };
        m.writeTo(written);
        assertTrue(singleBytes.get() < 1000, singleBytes.get() + " one-byte writes for " + written.size() + " bytes");
        Multipart parts = (Multipart) new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(written.toByteArray())).getContent();
        assertEquals(text, parts.getBodyPart(0).getContent());
        assertEquals(html, parts.getBodyPart(1).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    }

    @Test
    void halfWrittenFilesOfACrashedSendAreRemovedOnStartAndFreshOnesKept() throws Exception {
        Path outbox = Files.createDirectories(tmp.resolve("outbox"));
        Path stale = Files.writeString(outbox.resolve(".writing-123.tmp"), "Subject: half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path fresh = Files.writeString(outbox.resolve(".writing-456.tmp"), "Subject: being written now");
        Path mail = Files.writeString(outbox.resolve("1-a.eml"), "Subject: done");
        Files.setLastModifiedTime(mail, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        new EmlDirectoryTransport(outbox, "Paperboy <digest@paperboy.test>");

        assertFalse(Files.exists(stale), "a crashed send's temporary file is removed");
        assertTrue(Files.exists(fresh), "another process may be writing this one");
        assertTrue(Files.exists(mail), "finished mails are kept");
    }
}
