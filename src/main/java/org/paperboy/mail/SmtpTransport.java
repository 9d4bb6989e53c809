package org.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends over SMTP with Angus Mail: plain, STARTTLS (required) or SMTPS, with optional auth.
 * Connections are kept open and reused (one per sending thread at a time), since connecting,
 * greeting and TLS cost far more than a message; a pooled connection is checked with NOOP before
 * reuse, and one that fails is dropped rather than returned.
 */
public final class SmtpTransport implements MailTransport, AutoCloseable {
    private static final String TIMEOUT_MS = "15000";
    /** Idle connections kept; more senders than this open and close their own. */
    private static final int MAX_IDLE = 16;

    private final MailSettings settings;
    private final Session session;
    private final BlockingQueue<Transport> idle = new LinkedBlockingQueue<>(MAX_IDLE);

    public SmtpTransport(MailSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(MailSettings s) {
        String proto = s.security() == MailSettings.Security.SMTPS ? "smtps" : "smtp";
        Properties p = new Properties();
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", s.smtpHost());
        p.put("mail." + proto + ".port", String.valueOf(s.smtpPort()));
        p.put("mail." + proto + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + proto + ".timeout", TIMEOUT_MS);
        p.put("mail." + proto + ".writetimeout", TIMEOUT_MS);
        p.put("mail." + proto + ".auth", String.valueOf(s.user() != null && !s.user().isEmpty()));
        // Without TCP_NODELAY, Nagle's algorithm holds the end of each message until the server's
        // delayed ACK (~40 ms), which caps one connection at about 20 mails/s.
        if (s.security() == MailSettings.Security.SMTPS) {
            p.put("mail.smtps.ssl.socketFactory", new NoDelaySocketFactory((SSLSocketFactory) SSLSocketFactory.getDefault()));
        } else {
            p.put("mail.smtp.socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
            p.put("mail.smtp.socketFactory.fallback", "false");
        }
        if (s.security() == MailSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        return p;
    }

    @Override
    public void send(Mail mail) throws MailDeliveryException {
        try {
            MimeMessage m = MimeMessages.build(session, settings.from(), mail, new Date(), settings.dkim());
            Transport t = connection();
            try {
                t.sendMessage(m, m.getAllRecipients());
            } catch (MessagingException e) {
                closeQuietly(t);
                throw e;
            }
            if (!idle.offer(t)) closeQuietly(t);
        } catch (MessagingException e) {
            throw new MailDeliveryException(isPermanent(e), "SMTP delivery to " + mail.to() + " failed: " + e.getMessage(), e);
        }
    }

    /** An idle pooled connection that still answers, or a new one. */
    private Transport connection() throws MessagingException {
        for (Transport t = idle.poll(); t != null; t = idle.poll()) {
            if (t.isConnected()) return t;
            closeQuietly(t);
        }
        Transport t = session.getTransport();
        if (settings.user() == null || settings.user().isEmpty()) t.connect();
        else t.connect(settings.user(), settings.password());
        return t;
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
    }

    /** Closes the pooled connections (QUIT). */
    @Override
    public void close() {
        for (Transport t = idle.poll(); t != null; t = idle.poll()) closeQuietly(t);
    }

    /** 5xx replies are permanent; 4xx replies, refused connections and timeouts are worth a retry. */
    static boolean isPermanent(MessagingException e) {
        for (Throwable t = e; t != null; t = t instanceof MessagingException me ? me.getNextException() : null) {
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) return true;
            if (t instanceof SMTPSendFailedException f && f.getReturnCode() >= 500) return true;
        }
        return false;
    }

    @Override
    public String describe() {
        return "SMTP " + settings.smtpHost() + ":" + settings.smtpPort() + " (" + settings.security() + ")";
    }
}
