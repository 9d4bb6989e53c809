package org.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With no SMTP server configured, each message becomes a standard {@code .eml} file that any mail
 * client opens. Written to a temporary name and moved, so a reader never sees half a file.
 */
public final class EmlDirectoryTransport implements MailTransport {
    private static final Logger LOG = LoggerFactory.getLogger(EmlDirectoryTransport.class);
    static final String TMP_PREFIX = ".writing-";
    static final String TMP_SUFFIX = ".tmp";
    /** A temporary file this old was left by a send that crashed. */
    static final Duration STALE_AFTER = Duration.ofMinutes(1);
    private static final int BUFFER = 1 << 16;
    private static final String EIGHT_BIT = "8bit";
    private final Path dir;
    private final String from;
    private final DkimSigner dkim;
    private final Session session = Session.getInstance(new Properties());
    private final Opener opener;
    /** Set once the directory exists, to save the checks per mail; cleared by a failed write. */
    private volatile boolean dirExists;

    /** Opens the file a mail is written to (a test counts the writes that reach it). */
    interface Opener {
        OutputStream open(Path file) throws IOException;
    }

    public EmlDirectoryTransport(Path dir, String from) {
        this(dir, from, null);
    }

    /** @param dkim signs each file when not null, so that the files are exactly what SMTP would carry */
    public EmlDirectoryTransport(Path dir, String from, DkimSigner dkim) {
        this(dir, from, dkim, Files::newOutputStream);
    }

    EmlDirectoryTransport(Path dir, String from, DkimSigner dkim, Opener opener) {
        this.opener = opener;
        this.dir = dir;
        this.from = from;
        this.dkim = dkim;
        removeStaleTemporaryFiles(dir, Instant.now().minus(STALE_AFTER));
    }

    /**
     * Removes the half-written files of a send that crashed (a write takes milliseconds, so a temporary
     * file older than {@link #STALE_AFTER} belongs to no live sender, even one in another process);
     * returns how many it removed.
     */
    static int removeStaleTemporaryFiles(Path dir, Instant olderThan) {
        if (!Files.isDirectory(dir)) return 0;
        int removed = 0;
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, TMP_PREFIX + "*" + TMP_SUFFIX)) {
            for (Path p : stale) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(olderThan) && Files.deleteIfExists(p)) removed++;
            }
        } catch (IOException e) {
            LOG.warn("cannot clean half-written mails in {}: {}", dir, e.toString());
        }
        if (removed > 0) LOG.info("removed {} half-written mail files left in {} by a send that stopped", removed, dir);
        return removed;
    }

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        try {
            if (!dirExists) {
                Files.createDirectories(dir);
                dirExists = true;
            }
            // A file travels through no SMTP server: unsigned, its text stays as it is (8bit UTF-8, readable in
            // the file) instead of quoted-printable, which Angus encodes a byte at a time (most of the CPU).
            MimeMessage m = dkim == null
                    ? MimeMessages.build(session, from, mail, new Date(), EIGHT_BIT)
                    : MimeMessages.build(session, from, mail, new Date(), dkim);
            String id = m.getMessageID().replaceAll("[^A-Za-z0-9@._-]", "");
            Path tmp = Files.createTempFile(dir, TMP_PREFIX, TMP_SUFFIX);
            // MimeMessage writes a few bytes at a time: unbuffered, that was one write() call per byte
            try (OutputStream out = new BufferedOutputStream(opener.open(tmp), BUFFER)) {
                m.writeTo(out);
            }
            Files.move(tmp, dir.resolve(System.currentTimeMillis() + "-" + id + ".eml"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
            dirExists = false;
            throw new MailDeliveryException(false, "cannot write mail to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return ".eml files in " + dir;
    }
}
