package org.paperboy;

import java.time.Clock;
import java.util.List;
import org.paperboy.community.Community;
import org.paperboy.community.PaperFetcher;
import org.paperboy.community.PasswordHasher;
import org.paperboy.config.Settings;
import org.paperboy.jobs.TrendingJob;
import org.paperboy.mail.MailSettings;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.Csrf;
import org.paperboy.web.RouteGroup;
import org.paperboy.web.Templates;
import org.paperboy.web.WebServer;
import org.paperboy.web.community.AccountRoutes;
import org.paperboy.web.community.AccountSessions;
import org.paperboy.web.community.CommunityRoutes;
import org.paperboy.web.community.ModerationRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every object with {@code new}, in the order the data flows, and closes them in reverse.
 * The CLI builds one App per command; {@link #startServer()} adds what only {@code serve} needs.
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Settings settings;
    private final Clock clock;
    private final Database db;
    private final PaperRepository papers;
    private final JobStateRepository jobs;
    private final Community community;
    private WebServer web;
    private TrendingJob trendingJob;

    public App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        this.papers = new PaperRepository(db);
        this.jobs = new JobStateRepository(db, clock);
        // PaperFetcher.NONE until the ingest package's arXiv API client is wired in here
        this.community = new Community(settings, db, papers, clock, MailSettings.from(settings).transport(),
                PaperFetcher.NONE, PasswordHasher.Params.OWASP);
    }

    public App(Settings settings) {
        this(settings, Clock.system(settings.timeZone()));
    }

    /** Starts the web server and the background jobs; returns once the server listens. */
    public void startServer() {
        Templates templates = new Templates();
        boolean https = "https".equals(settings.baseUrl().getScheme());
        Csrf csrf = new Csrf(https, List.of());
        AccountSessions sessions = new AccountSessions(community.accounts(), csrf, https, settings.community().sessionLifetime());
        List<RouteGroup> groups = List.of(csrf, sessions,
                new AccountRoutes(community.accounts(), sessions, csrf, templates),
                new CommunityRoutes(community, papers, csrf, templates, clock),
                new ModerationRoutes(community, csrf, templates));
        web = new WebServer(settings, db, templates, groups);
        web.start();
        if (settings.community().trendingInterval() != null) {
            trendingJob = new TrendingJob(community.trending(), settings.community().trendingInterval());
            trendingJob.start();
        }
        LOG.info("Paperboy listening on http://{}:{} (data {})", settings.host(), web.port(), settings.dataDir());
    }

    public Settings settings() {
        return settings;
    }

    public Clock clock() {
        return clock;
    }

    public Database db() {
        return db;
    }

    public PaperRepository papers() {
        return papers;
    }

    public JobStateRepository jobs() {
        return jobs;
    }

    public Community community() {
        return community;
    }

    public int port() {
        return web == null ? -1 : web.port();
    }

    @Override
    public void close() {
        if (trendingJob != null) trendingJob.close();
        if (web != null) web.close();
        db.close();
    }
}
