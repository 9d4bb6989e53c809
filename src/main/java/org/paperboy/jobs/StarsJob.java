package org.paperboy.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.paperboy.enrich.GitHubStars;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the GitHub stars of the last week's papers once an hour, on one daemon thread. Of the
 * nodes on one database, the one that takes the hour's {@link Lease} runs it; when GitHub's rate
 * limit stops a pass, that node holds the lease until the limit's end, so no node asks before.
 */
public final class StarsJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StarsJob.class);

    public static final String NAME = "github-stars";
    static final Duration EVERY = Duration.ofHours(1);
    static final Duration TICK = Duration.ofMinutes(1);
    static final Duration START_DELAY = Duration.ofSeconds(45);
    /** Listing days looked at, the newest last: the papers people open this week. */
    static final int DAYS = 7;
    /** Papers looked at per pass, the most upvoted first. */
    static final int PER_PASS = 500;

    private final GitHubStars stars;
    private final PaperRepository papers;
    private final Lease lease;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "github-stars");
        t.setDaemon(true);
        return t;
    });

    public StarsJob(GitHubStars stars, PaperRepository papers, Lease lease) {
        this.stars = stars;
        this.papers = papers;
        this.lease = lease;
    }

    public void start() {
        executor.scheduleWithFixedDelay(this::tick, START_DELAY.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a pass if this node takes the hour's lease; true when it ran. */
    boolean tick() {
        try {
            Optional<Instant> until = lease.tryTake(NAME, EVERY);
            if (until.isEmpty()) return false;
            GitHubStars.Pass pass = passOnce();
            if (pass.pausedUntil() != null && pass.pausedUntil().isAfter(until.get())) lease.extend(NAME, until.get(), pass.pausedUntil());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            // keep the schedule: the next hour retries
            LOG.warn("job=stars failed: {}", e.toString());
            return false;
        }
    }

    /** One pass over the GitHub links of the last {@link #DAYS} listing days. */
    public GitHubStars.Pass passOnce() throws InterruptedException {
        Optional<LocalDate> day = papers.latestDay();
        if (day.isEmpty()) return new GitHubStars.Pass(0, 0, 0, 0, null);
        List<Paper> recent = papers.listing(new Listing(day.get().minusDays(DAYS - 1), day.get(), List.of(), Listing.Order.UPVOTES, 0, PER_PASS));
        List<String> urls = new ArrayList<>();
        for (Paper p : recent) {
            for (CodeLink l : p.codeLinks()) if (l.kind() == CodeLink.Kind.GITHUB) urls.add(l.url());
        }
        GitHubStars.Pass pass = stars.refresh(urls);
        if (pass.read() + pass.gone() + pass.failed() > 0) {
            LOG.info("job=stars {} repositories read, {} gone, {} failed, {} still fresh", pass.read(), pass.gone(), pass.failed(), pass.fresh());
        }
        return pass;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
