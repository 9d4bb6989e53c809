package org.paperboy.mail;

import java.nio.file.Path;
import java.util.Locale;
import org.paperboy.config.ConfigException;
import org.paperboy.config.Settings;

/**
 * How to send mail. An empty {@code smtpHost} means no SMTP server: messages are written as
 * {@code .eml} files to {@code outboxDir} instead.
 */
public record MailSettings(String smtpHost, int smtpPort, Security security, String user, String password,
                           String from, Path outboxDir, DkimSigner dkim) {

    /** Without DKIM signing. */
    public MailSettings(String smtpHost, int smtpPort, Security security, String user, String password, String from, Path outboxDir) {
        this(smtpHost, smtpPort, security, user, password, from, outboxDir, null);
    }

    public enum Security { NONE, STARTTLS, SMTPS }

    /** From the application settings; .eml files go to {@code <data>/outbox}. */
    public static MailSettings from(Settings settings) {
        var m = settings.mail();
        DkimSigner dkim = m.dkimKeyFile() == null ? null : dkimSigner(m);
        return new MailSettings(m.smtpHost(), m.smtpPort(), Security.valueOf(m.smtpSecurity().toUpperCase(Locale.ROOT)),
                m.smtpUser(), m.smtpPassword(), m.from(), settings.dataDir().resolve("outbox"), dkim);
    }

    private static DkimSigner dkimSigner(Settings.Mail m) {
        try {
            return DkimSigner.fromPemFile(m.dkimDomain(), m.dkimSelector(), m.dkimKeyFile());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--dkim-key-file: " + e.getMessage());
        }
    }

    public boolean smtpConfigured() {
        return smtpHost != null && !smtpHost.isBlank();
    }

    /** The SMTP transport when a server is configured, else the .eml directory. */
    public MailTransport transport() {
        return smtpConfigured() ? new SmtpTransport(this) : new EmlDirectoryTransport(outboxDir, from, dkim);
    }

    @Override
    public String toString() {
        return "MailSettings[smtp=" + smtpHost + ":" + smtpPort + ", security=" + security + ", user=" + user
                + ", password=" + (password == null || password.isEmpty() ? "" : "***") + ", from=" + from
                + (dkim == null ? "" : ", dkim=" + dkim.selector() + "._domainkey." + dkim.domain()) + "]";
    }
}
