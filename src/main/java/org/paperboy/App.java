package org.paperboy;

import java.time.Clock;
import java.util.List;
import org.paperboy.config.Settings;
import org.paperboy.index.SearchServices;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.SearchRoutes;
import org.paperboy.web.Templates;
import org.paperboy.web.WebServer;
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
    private WebServer web;
    private SearchServices search;

    public App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        this.papers = new PaperRepository(db);
        this.jobs = new JobStateRepository(db, clock);
    }

    public App(Settings settings) {
        this(settings, Clock.system(settings.timeZone()));
    }

    /** Starts the web server and the background jobs; returns once the server listens. */
    public void startServer() {
        search().startBackground();
        Templates templates = new Templates();
        // search first, so that /api/papers/search wins over /api/papers/{id}
        web = new WebServer(settings, db, templates, List.of(new SearchRoutes(search(), papers, templates)));
        web.start();
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

    /** The search index, embedder and their background jobs, built on first use (most commands need none). */
    public synchronized SearchServices search() {
        if (search == null) search = new SearchServices(settings.dataDir(), settings.embeddingModel(), db, papers, 2);
        return search;
    }

    public int port() {
        return web == null ? -1 : web.port();
    }

    @Override
    public void close() {
        if (web != null) web.close();
        if (search != null) search.close();
        db.close();
    }
}
