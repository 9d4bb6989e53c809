package org.paperboy;

import java.time.Clock;
import java.util.List;
import org.paperboy.config.Settings;
import org.paperboy.store.Database;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.ApiRoutes;
import org.paperboy.web.ListingRoutes;
import org.paperboy.web.ListingService;
import org.paperboy.web.PaperRoutes;
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
    private final ListingService listings;
    private WebServer web;
    private org.paperboy.jobs.HarvestJob harvestJob;

    public App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        this.papers = new PaperRepository(db);
        this.jobs = new JobStateRepository(db, clock);
        this.listings = new ListingService(papers);
    }

    public App(Settings settings) {
        this(settings, Clock.system(settings.timeZone()));
    }

    /** Starts the web server and the background jobs; returns once the server listens. */
    public void startServer() {
        Templates templates = new Templates();
        // Javalin takes the first matching route: feature groups go before the last two, whose
        // catch-alls /api/papers/<id> and /papers/<path> would otherwise shadow their routes.
        web = new WebServer(settings, db, templates, List.of(
                new ListingRoutes(settings, listings, papers, templates),
                new ApiRoutes(listings, papers),
                new PaperRoutes(settings, papers, templates)));
        web.start();
        LOG.info("Paperboy listening on http://{}:{} (data {})", settings.host(), web.port(), settings.dataDir());
        startHarvestJob();
    }

    /** The scheduled harvest runs on its own virtual thread; start-up never waits for arXiv. */
    private void startHarvestJob() {
        if (!settings.harvestEnabled()) return;
        var http = new org.paperboy.ingest.PoliteHttp(org.paperboy.ingest.PoliteHttp.Policy.withDelay(settings.harvestDelay()),
                org.paperboy.ingest.PoliteHttp.Sleeper.REAL, clock);
        var harvester = new org.paperboy.ingest.OaiHarvester(http, papers, jobs, new org.paperboy.ingest.VersionMerger(), clock);
        harvestJob = new org.paperboy.jobs.HarvestJob(new org.paperboy.ingest.CategoryHarvest(harvester), jobs,
                settings.oaiEndpoint(), settings.harvestCategories(), settings.harvestInterval(),
                org.paperboy.jobs.HarvestJob.START_DELAY, org.paperboy.jobs.HarvestJob.FIRST_RETRY, clock);
        harvestJob.start();
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

    /** Cached listings; call {@code listings().invalidate()} after a vote or comment changes one. */
    public ListingService listings() {
        return listings;
    }

    public int port() {
        return web == null ? -1 : web.port();
    }

    @Override
    public void close() {
        if (harvestJob != null) harvestJob.close();
        if (web != null) web.close();
        db.close();
    }
}
