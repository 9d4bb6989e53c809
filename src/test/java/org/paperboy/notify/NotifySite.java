package org.paperboy.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.paperboy.config.Settings;
import org.paperboy.jobs.DigestSchedule;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.SmtpTransport;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;
import org.paperboy.web.Csrf;
import org.paperboy.web.DigestAdminGate;
import org.paperboy.web.DigestAdminRoutes;
import org.paperboy.web.RouteGroup;
import org.paperboy.community.RateLimiter;
import org.paperboy.community.User;
import org.paperboy.web.SubscriptionRoutes;
import org.paperboy.web.Templates;
import org.paperboy.web.WebServer;
import org.paperboy.web.community.AccountSessions;

/** The subscription pages on a real web server on loopback, with GreenMail as the SMTP server. */
final class NotifySite implements AutoCloseable {
    /** Requests with this header act as the signed-in administrator (AccountSessions' part, stood in for here). */
    static final String AS_ADMIN = "X-Test-Viewer";

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
        DigestPreview preview = new DigestPreview(f.papers, f.runs, f.subs, f.composer, f.matcher, f.renderer, f.links,
                freq -> new DigestSchedule(LocalTime.of(8, 0), DayOfWeek.MONDAY, ZoneOffset.UTC)
                        .nextPeriod(freq, f.clock.instant(), f.papers.latestDay()));
        User admin = new User(1, "admin", "admin@example.org", true, 0L, null, 0, false);
        User reader = new User(2, "reader", "reader@example.org", false, 0L, null, 0, false);
        RouteGroup viewer = routes -> routes.before(ctx -> {
            String who = ctx.header(AS_ADMIN);
            if (who != null) ctx.attribute(AccountSessions.VIEWER, who.equals("admin") ? admin : reader);
        });
        web = new WebServer(Settings.defaults().withPort(port), db, templates, List.of(csrf, viewer,
                new SubscriptionRoutes(f.subscriptions, templates, csrf, new RateLimiter(() -> f.clock.millis() * 1_000_000L)),
                new DigestAdminRoutes(preview, new DigestOverview(f.subs, f.runs, f.outbox, f.clock), templates, f.clock, DigestAdminGate.administrator())));
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
