package org.paperboy.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.paperboy.config.Settings;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.SmtpTransport;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;
import org.paperboy.web.Csrf;
import org.paperboy.web.DigestAdminGate;
import org.paperboy.web.DigestAdminRoutes;
import org.paperboy.web.SubscriptionRateLimiter;
import org.paperboy.web.SubscriptionRoutes;
import org.paperboy.web.Templates;
import org.paperboy.web.WebServer;

/** The subscription pages on a real web server on loopback, with GreenMail as the SMTP server. */
final class NotifySite implements AutoCloseable {
    static final String ADMIN_TOKEN = "s3cret-admin";

    final Database db;
    final NotifyFixture f;
    final GreenMail smtp;
    final WebServer web;
    final SmtpTransport transport;
    final OutboxSender sender;
    final String base;

    NotifySite(Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
        f = new NotifyFixture(db, base);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        transport = new SmtpTransport(new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), MailSettings.Security.NONE,
                "", "", NotifyFixture.FROM, tmp));
        sender = f.sender(transport);
        Templates templates = new Templates();
        Csrf csrf = new Csrf(false, List.of(SubscriptionRoutes.UNSUBSCRIBE_PREFIX));
        DigestPreview preview = new DigestPreview(f.papers, f.runs, f.subs, f.composer, f.matcher, f.renderer, f.links, f.clock);
        web = new WebServer(Settings.defaults().withPort(port), db, templates, List.of(csrf,
                new SubscriptionRoutes(f.subscriptions, templates, csrf, new SubscriptionRateLimiter(f.clock)),
                new DigestAdminRoutes(preview, new DigestOverview(f.subs, f.runs, f.outbox, f.clock), templates, f.clock, DigestAdminGate.token(ADMIN_TOKEN))));
        web.start();
    }

    String url(String path) {
        return path.startsWith("http") ? path : base + path;
    }

    @Override
    public void close() {
        web.close();
        sender.close();
        transport.close();
        smtp.stop();
        db.close();
    }
}
