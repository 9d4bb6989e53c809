package org.paperboy.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/** Turns a {@link Mail} into a MIME message: text, or multipart/alternative with HTML. */
final class MimeMessages {
    /** Jakarta Mail's lookup key for its stream provider, and Angus Mail's provider (the one on our class path). */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Without this property Jakarta Mail runs a ServiceLoader scan of the whole class path for every body part
        // and every writeTo: most of the CPU time of an .eml mail. Named here, it is one Class.forName.
        if (System.getProperty(STREAM_PROVIDER) == null) System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
    }

    private static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";

    private MimeMessages() {}

    static MimeMessage build(Session session, String from, Mail mail, Date date) throws MessagingException {
        return build(session, from, mail, date, (String) null);
    }

    /**
     * @param transferEncoding of the text parts; null lets Jakarta Mail choose (quoted-printable or
     *                         base64, which every SMTP server takes)
     */
    static MimeMessage build(Session session, String from, Mail mail, Date date, String transferEncoding) throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, mail.messageId() != null ? mail.messageId() : newMessageId(from));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        m.setSubject(mail.subject(), "UTF-8");
        m.setSentDate(date);
        for (Map.Entry<String, String> h : mail.headers().entrySet()) m.setHeader(h.getKey(), h.getValue());
        if (mail.html() == null) {
            setText(m, mail.text(), "plain", transferEncoding);
        } else {
            MimeBodyPart text = new MimeBodyPart();
            setText(text, mail.text(), "plain", transferEncoding);
            MimeBodyPart html = new MimeBodyPart();
            setText(html, mail.html(), "html", transferEncoding);
            m.setContent(new MimeMultipart("alternative", text, html));
        }
        m.saveChanges();
        return m;
    }

    /**
     * With a fixed transfer encoding the text goes in as UTF-8 bytes: Angus writes a String part through a
     * stream that passes on one byte per call (most of the CPU time of an unsigned {@code .eml} file), and
     * a byte source in 8 KiB blocks.
     */
    private static void setText(MimePart part, String body, String subtype, String transferEncoding) throws MessagingException {
        if (transferEncoding == null) {
            part.setText(body, "UTF-8", subtype);
            return;
        }
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(body.getBytes(StandardCharsets.UTF_8), "text/" + subtype + "; charset=UTF-8")));
        part.setHeader(TRANSFER_ENCODING, transferEncoding);
    }

    /**
     * The message as it will travel, DKIM-signed when a signer is given. A signed message is parsed
     * back from its signed bytes, and such a parsed message writes out exactly those bytes.
     */
    static MimeMessage build(Session session, String from, Mail mail, Date date, DkimSigner dkim) throws MessagingException {
        MimeMessage m = build(session, from, mail, date);
        if (dkim == null) return m;
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(8192);
            m.writeTo(raw);
            return new MimeMessage(session, new ByteArrayInputStream(dkim.sign(raw.toByteArray())));
        } catch (IOException e) {
            throw new MessagingException("cannot serialise the message for DKIM signing", e);
        }
    }

    static String newMessageId(String from) {
        String domain = "localhost";
        try {
            String address = new InternetAddress(from).getAddress();
            if (address.contains("@")) domain = address.substring(address.indexOf('@') + 1);
        } catch (MessagingException ignored) {
            // keep localhost
        }
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** Keeps the Message-ID we chose (stable across retries) instead of one made at saveChanges(). */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
