package org.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.Properties;

/**
 * With no SMTP server configured, each message becomes a standard {@code .eml} file that any mail
 * client opens. Written to a temporary name and moved, so a reader never sees half a file.
 */
public final class EmlDirectoryTransport implements MailTransport {
    private final Path dir;
    private final String from;
    private final DkimSigner dkim;
    private final Session session = Session.getInstance(new Properties());

    public EmlDirectoryTransport(Path dir, String from) {
        this(dir, from, null);
    }

    /** @param dkim signs each file when not null, so that the files are exactly what SMTP would carry */
    public EmlDirectoryTransport(Path dir, String from, DkimSigner dkim) {
        this.dir = dir;
        this.from = from;
        this.dkim = dkim;
    }

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        try {
            Files.createDirectories(dir);
            MimeMessage m = MimeMessages.build(session, from, mail, new Date(), dkim);
            String id = m.getMessageID().replaceAll("[^A-Za-z0-9@._-]", "");
            Path tmp = Files.createTempFile(dir, ".writing-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                m.writeTo(out);
            }
            Files.move(tmp, dir.resolve(System.currentTimeMillis() + "-" + id + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            throw new MailDeliveryException(false, "cannot write mail to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return ".eml files in " + dir;
    }
}
