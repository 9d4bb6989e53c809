package org.paperboy.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.paperboy.paper.Paper;
import org.paperboy.store.JobState;
import org.paperboy.store.JobStateRepository;
import org.paperboy.store.PaperMerger;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests arXiv's OAI-PMH ListRecords page by page. Each page's papers are written in one
 * transaction, then the cursor (with the next resumption token) is saved, so a harvest killed
 * between pages resumes at the page after the last one committed: nothing missed, and a page
 * written twice (killed between write and save) changes nothing the second time. A completed
 * harvest leaves the latest datestamp; the next one asks {@code from} that day (OAI-PMH's from is
 * inclusive, so the boundary day is read again, harmlessly).
 */
public final class OaiHarvester {
    private static final Logger LOG = LoggerFactory.getLogger(OaiHarvester.class);
    /** How far back a first harvest with no --from starts. */
    public static final int FIRST_HARVEST_DAYS = 7;
    private static final int PAGE_ATTEMPTS = 3;

    public record Request(URI endpoint, String set, LocalDate from, LocalDate until, String metadataPrefix) {
        public Request {
            if (!metadataPrefix.equals("arXiv") && !metadataPrefix.equals("arXivRaw")) {
                throw new IllegalArgumentException("metadata format must be arXiv or arXivRaw, not '" + metadataPrefix + "'");
            }
        }

        public String jobName() {
            return "harvest:" + (set == null ? "all" : set) + ":" + metadataPrefix;
        }
    }

    /** Told after each committed page. */
    public interface Listener {
        void page(int pageNo, OaiPage page, int kept);

        Listener NONE = (n, p, k) -> {};
    }

    public record Result(String set, int pages, boolean resumed, LocalDate from, LocalDate lastDatestamp, ImportSummary summary) {}

    private final PoliteHttp http;
    private final PaperRepository papers;
    private final JobStateRepository jobs;
    private final PaperMerger merger;
    private final Clock clock;
    private final OaiPmhReader reader = new OaiPmhReader();

    public OaiHarvester(PoliteHttp http, PaperRepository papers, JobStateRepository jobs, PaperMerger merger, Clock clock) {
        this.http = http;
        this.papers = papers;
        this.jobs = jobs;
        this.merger = merger;
        this.clock = clock;
    }

    /**
     * Runs the listing to its end (or resumes a pending one with the same parameters).
     *
     * @param keep which papers to store (e.g. those in the wanted categories)
     * @throws HarvestException when arXiv cannot be reached or answers with an OAI-PMH error
     */
    public Result harvest(Request req, Predicate<Paper> keep, Listener listener) throws InterruptedException {
        JobState state = jobs.load(req.jobName());
        HarvestCursor saved = HarvestCursor.fromJson(state.cursor());
        boolean resumed = saved != null && saved.pending() && sameListing(req, saved);
        HarvestCursor cursor = resumed ? saved : start(req, saved);
        if (resumed) LOG.info("harvest {}: resuming after page {} with the saved resumption token", req.jobName(), saved.pagesDone());
        ImportSummary summary = new ImportSummary();
        long started = System.nanoTime();
        int pages = 0;
        boolean restarted = false;
        while (true) {
            URI uri = cursor.pending() ? resumeUri(req.endpoint(), cursor.token()) : listUri(req.endpoint(), cursor);
            List<Paper> page = new ArrayList<>();
            List<String> withdrawn = new ArrayList<>();
            OaiPage result = fetchPage(uri, cursor.pagesDone() + 1, page, withdrawn, summary);
            if (result.hasError()) {
                if (result.nothingNew()) {
                    cursor = finish(state, cursor);
                    break;
                }
                if (result.errorCode().equals("badResumptionToken") && cursor.pending() && !restarted) {
                    // tokens expire; listing again from the same day repeats only records we already hold
                    LOG.warn("harvest {}: arXiv no longer knows the saved resumption token; listing again from {}", req.jobName(), cursor.from());
                    cursor = new HarvestCursor(cursor.set(), cursor.metadataPrefix(), cursor.from(), cursor.until(), null, 0, cursor.lastDatestamp(), cursor.papers());
                    restarted = true;
                    continue;
                }
                throw new HarvestException(HarvestException.Kind.PROTOCOL,
                        "arXiv OAI-PMH error " + result.errorCode() + ": " + result.errorMessage() + " (" + uri + ")", null);
            }
            List<Paper> kept = page.stream().filter(keep).toList();
            summary.add(papers.upsert(kept, LocalDate.now(clock), merger));
            summary.withdrew(papers.withdraw(withdrawn));
            cursor = cursor.next(result.resumptionToken(), result.lastDatestamp(), kept.size());
            state = jobs.save(state.withCursor(cursor.toJson()));
            pages++;
            listener.page(cursor.pagesDone(), result, kept.size());
            if (result.lastPage()) {
                cursor = finish(state, cursor);
                break;
            }
        }
        summary.elapsed(Duration.ofNanos(System.nanoTime() - started));
        return new Result(req.set(), pages, resumed, cursor.from(), cursor.lastDatestamp(), summary);
    }

    private HarvestCursor finish(JobState state, HarvestCursor c) {
        HarvestCursor done = new HarvestCursor(c.set(), c.metadataPrefix(), c.from(), c.until(), null, c.pagesDone(), c.lastDatestamp(), c.papers());
        jobs.save(state.withCursor(done.toJson()));
        return done;
    }

    /** A new listing: from the request, else from the last harvested day, else a week back. */
    private HarvestCursor start(Request req, HarvestCursor saved) {
        LocalDate from = req.from();
        if (from == null && saved != null) from = saved.lastDatestamp() != null ? saved.lastDatestamp() : saved.from();
        if (from == null) from = LocalDate.now(clock).minusDays(FIRST_HARVEST_DAYS);
        return new HarvestCursor(req.set(), req.metadataPrefix(), from, req.until(), null, 0,
                saved == null ? null : saved.lastDatestamp(), 0);
    }

    /** A pending token is resumed unless the user asked for another listing. */
    private static boolean sameListing(Request req, HarvestCursor c) {
        if (req.from() != null && !req.from().equals(c.from())) return false;
        if (req.until() != null && !req.until().equals(c.until())) return false;
        return true;
    }

    /** A page cut off or not OAI-PMH at all is fetched again, a few times, before giving up. */
    private OaiPage fetchPage(URI uri, int pageNo, List<Paper> out, List<String> withdrawn, ImportSummary summary) throws InterruptedException {
        String problem = null;
        for (int attempt = 1; attempt <= PAGE_ATTEMPTS; attempt++) {
            PoliteHttp.Response r = http.get(uri);
            List<Paper> papersOnPage = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            List<String> gone = new ArrayList<>();
            OaiPage page = reader.readPage(new ByteArrayInputStream(r.body()), "page " + pageNo, new RecordSink() {
                @Override
                public void paper(Paper p) {
                    papersOnPage.add(p);
                }

                @Override
                public void rejected(Rejection rej) {
                    rejected.add(rej);
                }

                @Override
                public void withdrawn(String baseId) {
                    gone.add(baseId);
                }
            });
            if (page.truncation() == null) {
                out.addAll(papersOnPage);
                withdrawn.addAll(gone);
                rejected.forEach(summary::reject);
                return page;
            }
            problem = page.truncation();
            LOG.warn("harvest: page {} from {} is cut off or broken ({}); asking again", pageNo, uri.getHost(), problem);
        }
        throw new HarvestException(HarvestException.Kind.PROTOCOL, "page " + pageNo + " from " + uri.getHost()
                + " stayed broken after " + PAGE_ATTEMPTS + " tries: " + problem, null);
    }

    static URI listUri(URI endpoint, HarvestCursor c) {
        StringBuilder q = new StringBuilder("verb=ListRecords&metadataPrefix=").append(enc(c.metadataPrefix()));
        if (c.set() != null) q.append("&set=").append(enc(c.set()));
        if (c.from() != null) q.append("&from=").append(c.from());
        if (c.until() != null) q.append("&until=").append(c.until());
        return withQuery(endpoint, q.toString());
    }

    static URI resumeUri(URI endpoint, String token) {
        return withQuery(endpoint, "verb=ListRecords&resumptionToken=" + enc(token));
    }

    static URI withQuery(URI endpoint, String query) {
        String base = endpoint.toString();
        int q = base.indexOf('?');
        if (q >= 0) base = base.substring(0, q);
        return URI.create(base + "?" + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
