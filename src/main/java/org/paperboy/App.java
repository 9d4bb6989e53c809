package org.paperboy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.paperboy.community.Community;
import org.paperboy.community.PaperFetcher;
import org.paperboy.community.PasswordHasher;
import org.paperboy.community.RateLimiter;
import org.paperboy.community.UserRepository;
import org.paperboy.config.Settings;
import org.paperboy.enrich.GitHubClient;
import org.paperboy.enrich.GitHubStars;
import org.paperboy.enrich.StarSnapshot;
import org.paperboy.enrich.StarsRepository;
import org.paperboy.enrich.ThumbnailStore;
import org.paperboy.enrich.Thumbnails;
import org.paperboy.index.EmbeddingStore;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.SearchServices;
import org.paperboy.ingest.ArxivApiClient;
import org.paperboy.ingest.CategoryHarvest;
import org.paperboy.ingest.HarvestException;
import org.paperboy.ingest.ImportSummary;
import org.paperboy.ingest.OaiHarvester;
import org.paperboy.ingest.PoliteHttp;
import org.paperboy.ingest.VersionMerger;
import org.paperboy.jobs.DigestJob;
import org.paperboy.jobs.DigestSchedule;
import org.paperboy.jobs.HarvestJob;
import org.paperboy.jobs.Lease;
import org.paperboy.jobs.StarsJob;
import org.paperboy.jobs.ThumbnailJob;
import org.paperboy.jobs.TrendingJob;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.MailTransport;
import org.paperboy.notify.DigestComposer;
import org.paperboy.notify.DigestMails;
import org.paperboy.notify.DigestOverview;
import org.paperboy.notify.DigestPreview;
import org.paperboy.notify.DigestRunRepository;
import org.paperboy.notify.IndexTopicMatcher;
import org.paperboy.notify.LinkTokens;
import org.paperboy.notify.Links;
import org.paperboy.notify.MailQueue;
import org.paperboy.notify.MailQueueSender;
import org.paperboy.notify.MailRenderer;
import org.paperboy.notify.OutboxRepository;
import org.paperboy.notify.OutboxSender;
import org.paperboy.notify.PersonalPicks;
import org.paperboy.notify.SqlTopicMatcher;
import org.paperboy.notify.SubscriptionRepository;
import org.paperboy.notify.Subscriptions;
import org.paperboy.notify.TopicMatcher;
import org.paperboy.ops.IndexLag;
import org.paperboy.ops.Metrics;
import org.paperboy.ops.NodeGauges;
import org.paperboy.ops.Readiness;
import org.paperboy.paper.ThumbnailUrls;
import org.paperboy.recommend.DbCatalog;
import org.paperboy.recommend.DigestForYou;
import org.paperboy.recommend.ForYou;
import org.paperboy.recommend.PaperVectors;
import org.paperboy.recommend.SignalRepository;
import org.paperboy.recommend.Signals;
import org.paperboy.store.Database;
import org.paperboy.store.JobState;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.ApiRoutes;
import org.paperboy.web.AuthorRoutes;
import org.paperboy.web.CrawlerRoutes;
import org.paperboy.web.Csrf;
import org.paperboy.web.DigestAdminGate;
import org.paperboy.web.DigestAdminRoutes;
import org.paperboy.web.ForYouRoutes;
import org.paperboy.web.ListingRoutes;
import org.paperboy.web.ListingService;
import org.paperboy.web.OpsRoutes;
import org.paperboy.web.PaperRoutes;
import org.paperboy.web.RenderedThumbnails;
import org.paperboy.web.SearchRoutes;
import org.paperboy.web.SubscriptionRoutes;
import org.paperboy.web.Templates;
import org.paperboy.web.WebServer;
import org.paperboy.web.community.AccountRoutes;
import org.paperboy.web.community.AccountSessions;
import org.paperboy.web.community.CommentRoutes;
import org.paperboy.web.community.CommunityPages;
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
    private static final int SIMILAR_ON_PAPER_PAGE = 5;

    private final Settings settings;
    private final Clock clock;
    private final Database db;
    private final PaperRepository papers;
    private final JobStateRepository jobs;
    private final MailTransport mailTransport;
    private final SubscriptionRepository subscriptionRepo;
    private final OutboxRepository outbox;
    private final DigestRunRepository digestRuns;
    private final TopicMatcher topicMatcher;
    private final Links links;
    private final Subscriptions subscriptions;
    private final DigestComposer digestComposer;
    private final OutboxSender outboxSender;
    private final DigestSchedule digestSchedule;
    private final DigestPreview digestPreview;
    private DigestJob digestJob;
    private final ListingService listings;
    private final Community community;
    private final MailQueue accountMail;
    private final MailQueueSender accountMailSender;
    private WebServer web;
    private Readiness readiness;
    private Metrics metrics;
    private TrendingJob trendingJob;
    private HarvestJob harvestJob;
    private ThumbnailJob thumbnailJob;
    private StarsJob starsJob;
    private PoliteHttp harvestHttp;
    private SearchServices search;
    private final ForYou forYou;
    private final Signals signals;

    public App(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.db = Database.open(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        this.papers = new PaperRepository(db);
        this.jobs = new JobStateRepository(db, clock);
        this.mailTransport = MailSettings.from(settings).transport();
        // account mails are queued in the database and sent in the background, from any node
        this.accountMail = new MailQueue(db, clock, settings.mail().from());
        this.accountMailSender = new MailQueueSender(accountMail, mailTransport, clock);
        accountMail.onQueued(accountMailSender::wake);
        this.community = new Community(settings, db, papers, clock, accountMail, arxivFetcher(), PasswordHasher.Params.OWASP);
        // recommend: each reader's signals and For-you model (the digests' For-you section uses it)
        this.forYou = new ForYou(new DbCatalog(papers, PaperVectors.stored(new EmbeddingStore(db), settings.embeddingModel())), new SignalRepository(db));
        this.signals = new Signals(new SignalRepository(db), papers, clock, forYou::changed);
        PersonalPicks digestForYou = new DigestForYou(forYou, papers, verifiedAccount(new UserRepository(db)));
        // notify: subscriptions, digests and the outbox sender
        this.subscriptionRepo = new SubscriptionRepository(db);
        this.outbox = new OutboxRepository(db);
        this.digestRuns = new DigestRunRepository(db);
        // topic alerts use the search index where serve runs it, the catalog elsewhere
        this.topicMatcher = new IndexTopicMatcher(this::runningSearch, papers, new SqlTopicMatcher(db, papers));
        LinkTokens linkTokens = new LinkTokens(db);
        this.links = new Links(settings.baseUrl().toString(), linkTokens, settings.mail().from(), settings.digest().unsubscribeMailto());
        this.subscriptions = new Subscriptions(subscriptionRepo, outbox, linkTokens, links, clock);
        this.digestComposer = new DigestComposer(papers, subscriptionRepo, digestRuns, outbox, links, clock);
        MailRenderer renderer = new MailRenderer();
        this.outboxSender = new OutboxSender(outbox, subscriptionRepo, digestRuns, new DigestMails(papers, topicMatcher, links, digestForYou),
                renderer, links, mailTransport, clock, settings.digest().mailWorkers(), settings.digest().hardBounceLimit());
        this.digestSchedule = new DigestSchedule(settings.digest().digestTime(), settings.digest().weeklyDay(), settings.timeZone());
        this.digestPreview = new DigestPreview(papers, digestRuns, subscriptionRepo, digestComposer, topicMatcher, renderer, links,
                f -> digestSchedule.nextPeriod(f, clock.instant(), papers.latestDay()));
        subscriptions.onQueued(outboxSender::wake);
        this.listings = new ListingService(papers, forYou::orderForVisitors);
    }

    /** The account whose verified, unbanned e-mail is this subscriber's address: its digests get a For-you section. */
    private static Function<String, OptionalLong> verifiedAccount(UserRepository users) {
        return email -> users.byEmail(email).filter(u -> u.verified() && u.bannedAt() == null)
                .map(u -> OptionalLong.of(u.id())).orElse(OptionalLong.empty());
    }

    public App(Settings settings) {
        this(settings, Clock.system(settings.timeZone()));
    }

    /** Starts the web server and the background jobs; returns once the server listens. */
    public void startServer() {
        search().startBackground();
        forYou.warmUp();
        Templates templates = new Templates();
        boolean https = "https".equals(settings.baseUrl().getScheme());
        Csrf csrf = new Csrf(https, List.of(SubscriptionRoutes.UNSUBSCRIBE_PREFIX));
        CommunityPages communityPages = new CommunityPages(community, csrf, templates);
        AccountSessions sessions = new AccountSessions(community.accounts(), csrf, https, settings.community().sessionLifetime());
        SearchRoutes searchRoutes = new SearchRoutes(search(), papers, templates, forYou);
        ThumbnailUrls thumbnails = new RenderedThumbnails(settings.baseUrl(), new ThumbnailStore(settings.dataDir()));
        // Javalin takes the first matching route: search goes first so that /api/papers/search wins over
        // /api/papers/{id}; the last two groups hold the catch-alls /api/papers/<id> and /papers/<path>.
        metrics = metrics();
        web = new WebServer(settings, db, templates, List.of(new OpsRoutes(metrics, readiness), csrf, sessions,
                searchRoutes,
                new AccountRoutes(community.accounts(), sessions, csrf, templates),
                new CommunityRoutes(community, papers, csrf, templates, clock),
                new CommentRoutes(community, papers, csrf, templates),
                new ModerationRoutes(community, csrf, templates),
                new SubscriptionRoutes(subscriptions, templates, csrf, RateLimiter.shared(db, clock, new RateLimiter(() -> clock.millis() * 1_000_000L))),
                new DigestAdminRoutes(digestPreview, digestOverview(), templates, clock,
                        DigestAdminGate.administrator()),
                new ForYouRoutes(forYou, signals, papers, listings, templates, csrf),
                new ListingRoutes(settings, listings, papers, templates, communityPages,
                        () -> jobs.find(HarvestJob.NAME).map(JobState::lastError)),
                new ApiRoutes(listings, papers, thumbnails),
                new AuthorRoutes(papers, templates),
                new CrawlerRoutes(settings, papers),
                new PaperRoutes(settings, papers, templates, communityPages, p -> searchRoutes.similarTo(p, SIMILAR_ON_PAPER_PAGE),
                        thumbnails, new StarSnapshot(new StarsRepository(db), clock))),
                this::problems);
        web.start();
        if (settings.community().trendingInterval() != null) {
            trendingJob = new TrendingJob(community.trending(), community.accounts(), settings.community().trendingInterval(),
                    new Lease(jobs, clock), metrics::jobRun);
            trendingJob.start();
        }
        outboxSender.start();
        accountMailSender.start();
        digestJob = new DigestJob(digestSchedule,
                papers, digestRuns, digestComposer, outboxSender, jobs, clock, metrics::jobRun);
        digestJob.start();
        LOG.info("mail goes to {}", mailTransport.describe());
        if (!https) {
            LOG.warn("base-url {} is not https: mail clients offer one-click unsubscribe (RFC 8058) only for https links", settings.baseUrl());
        }
        LOG.info("Paperboy listening on http://{}:{} (data {})", settings.host(), web.port(), settings.dataDir());
        startHarvestJob();
        startThumbnailJob();
        startStarsJob();
    }

    /** /metrics and /readyz: this node's meters and gauges, and whether it can serve. */
    private Metrics metrics() {
        Metrics metrics = new Metrics();
        db.bindMetrics(metrics.registry());
        IndexLag lag = new IndexLag(search().follower()::behind, clock);
        readiness = new Readiness(db::healthy, lag);
        NodeGauges gauges = new NodeGauges(metrics, jobs, clock);
        gauges.index(lag, search()::waitingForEmbeddings);
        gauges.mailQueue("digest", outbox::depth);
        gauges.mailQueue("account", accountMail::depth);
        metrics.beforeScrape(gauges::refreshJobs);
        return metrics;
    }

    /**
     * "Submit a paper" fetches an unknown paper through the arXiv API client, which also stores it.
     * Someone is waiting on the page, so the client tries twice with short timeouts instead of the
     * harvest's patient retries.
     */
    private PaperFetcher arxivFetcher() {
        var policy = new PoliteHttp.Policy(Duration.ZERO, Duration.ofSeconds(5),
                Duration.ofSeconds(20), 2, Duration.ofSeconds(1), Duration.ofSeconds(5));
        var api = new ArxivApiClient(new PoliteHttp(policy, PoliteHttp.Sleeper.REAL, clock), settings.arxivApi(), papers,
                new VersionMerger(), clock);
        return id -> {
            try {
                var fetched = api.fetch(List.of(id), new ImportSummary()).get(0);
                if (fetched.outcome() == ArxivApiClient.Outcome.UNKNOWN) return Optional.empty();
                return papers.find(id.base());
            } catch (HarvestException e) {
                throw new PaperFetcher.Unavailable(e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PaperFetcher.Unavailable("interrupted", e);
            }
        };
    }

    /** The scheduled harvest runs on its own virtual thread; start-up never waits for arXiv. */
    /** Thumbnails only where the harvest runs: a server that does not harvest is taken to be offline. */
    private void startThumbnailJob() {
        if (!settings.harvestEnabled() || !settings.enrich().thumbnails()) return;
        thumbnailJob = new ThumbnailJob(new Thumbnails(harvestHttp(), settings.enrich().pdfBase(), new ThumbnailStore(settings.dataDir())), papers);
        thumbnailJob.start();
    }

    /** Stars only where the harvest runs (an offline server asks nobody); once an hour across the nodes. */
    private void startStarsJob() {
        if (!settings.harvestEnabled() || !settings.enrich().stars()) return;
        var github = new GitHubClient(settings.enrich().githubApi(), settings.enrich().githubToken(), clock);
        starsJob = new StarsJob(new GitHubStars(github, new StarsRepository(db), PoliteHttp.Sleeper.REAL, clock), papers, new Lease(jobs, clock));
        starsJob.start();
    }

    /** One polite client for the harvest and the thumbnails, so that together they keep the harvest's pace. */
    private synchronized PoliteHttp harvestHttp() {
        if (harvestHttp == null) harvestHttp = new PoliteHttp(PoliteHttp.Policy.withDelay(settings.harvestDelay()), PoliteHttp.Sleeper.REAL, clock);
        return harvestHttp;
    }

    private void startHarvestJob() {
        if (!settings.harvestEnabled()) return;
        var harvester = new OaiHarvester(harvestHttp(), papers, jobs, new VersionMerger(), clock);
        harvestJob = new HarvestJob(new CategoryHarvest(harvester), jobs,
                settings.oaiEndpoint(), settings.harvestCategories(), settings.harvestInterval(),
                HarvestJob.START_DELAY, HarvestJob.FIRST_RETRY, clock).countingRuns(metrics::jobRun);
        harvestJob.start();
    }

    public Signals signals() {
        return signals;
    }

    public ForYou forYou() {
        return forYou;
    }

    /** What keeps this node from working fully, for /healthz: a read-only database, a search index that stopped. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        String db = this.db.readOnlyReason();
        if (db != null) out.add(db);
        String index = search().follower().problem();
        if (index != null) out.add(index);
        return out;
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

    /** The search index, embedder and their background jobs, built on first use (most commands need none). */
    public synchronized SearchServices search() {
        if (search == null) search = new SearchServices(settings.dataDir(), settings.embeddingModel(), db, papers, 2);
        return search;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public DigestComposer digestComposer() {
        return digestComposer;
    }

    public OutboxSender outboxSender() {
        return outboxSender;
    }

    public MailQueueSender accountMailSender() {
        return accountMailSender;
    }

    public MailQueue accountMail() {
        return accountMail;
    }

    public OutboxRepository outbox() {
        return outbox;
    }

    public DigestOverview digestOverview() {
        return new DigestOverview(subscriptionRepo, digestRuns, outbox, clock);
    }

    public MailTransport mailTransport() {
        return mailTransport;
    }

    /** The search of a running server, or null when this process has not started one. */
    private synchronized PaperSearch runningSearch() {
        return search == null || web == null ? null : search.search();
    }

    public int port() {
        return web == null ? -1 : web.port();
    }

    /** Says "not ready" first and waits --drain-delay, so the load balancer stops sending requests before the server stops. */
    private void drain() {
        if (readiness == null) return;
        readiness.drain();
        if (settings.drainDelay().isZero()) return;
        LOG.info("draining: /readyz answers 503 for {} before the server stops", settings.drainDelay());
        try {
            Thread.sleep(settings.drainDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", c, e.toString());
        }
    }

    @Override
    public void close() {
        drain();
        if (digestJob != null) digestJob.close();
        if (trendingJob != null) trendingJob.close();
        if (harvestJob != null) harvestJob.close();
        if (thumbnailJob != null) thumbnailJob.close();
        if (starsJob != null) starsJob.close();
        if (web != null) web.close();
        forYou.close();
        outboxSender.close();
        accountMailSender.close();
        if (mailTransport instanceof AutoCloseable c) closeQuietly(c);
        if (search != null) search.close();
        db.close();
    }
}
