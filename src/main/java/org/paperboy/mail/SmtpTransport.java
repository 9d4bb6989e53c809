package org.paperboy.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/** Sends over SMTP with Angus Mail: plain, STARTTLS (required) or SMTPS, with optional auth. */
public final class SmtpTransport implements MailTransport {
    private static final String TIMEOUT_MS = "15000";

    private final MailSettings settings;
    private final Session session;

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
            Transport t = session.getTransport();
            try {
                if (settings.user() == null || settings.user().isEmpty()) t.connect();
                else t.connect(settings.user(), settings.password());
                t.sendMessage(m, m.getAllRecipients());
            } finally {
                t.close();
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException(isPermanent(e), "SMTP delivery to " + mail.to() + " failed: " + e.getMessage(), e);
        }
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
