package org.paperboy.enrich;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.paperboy.ingest.PoliteHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes the stars of the GitHub repositories that papers link to: each repository at most
 * once a day (a failed one after an hour), one request at a time with a pause between them, a
 * bounded number per pass (unauthenticated, GitHub allows 60 an hour), and nothing more once
 * GitHub says the limit is reached, until the time it names.
 */
public final class GitHubStars {
    private static final Logger LOG = LoggerFactory.getLogger(GitHubStars.class);

    /** What one pass did; {@code pausedUntil} is set when GitHub's limit stopped it. */
    public record Pass(int read, int gone, int failed, int fresh, Instant pausedUntil) {}

    static final Duration FRESH_FOR = Duration.ofDays(1);
    static final Duration FAILED_RETRY = Duration.ofHours(1);
    static final Duration PACE = Duration.ofSeconds(1);
    /** Requests per pass without a token: under GitHub's 60 an hour, leaving some for whoever shares the address. */
    static final int PER_PASS_ANONYMOUS = 50;
    /** With a token GitHub allows 5,000 an hour; one hourly pass stays well under. */
    static final int PER_PASS_TOKEN = 1_000;

    private final GitHubClient github;
    private final StarsRepository repo;
    private final PoliteHttp.Sleeper sleeper;
    private final Clock clock;
    private volatile Instant pausedUntil = Instant.EPOCH;

    public GitHubStars(GitHubClient github, StarsRepository repo, PoliteHttp.Sleeper sleeper, Clock clock) {
        this.github = github;
        this.repo = repo;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** @param urls links to code (GitHub repository pages among them; others are ignored) */
    public Pass refresh(Collection<String> urls) throws InterruptedException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String url : urls) GitHubRepos.of(url).ifPresent(wanted::add);
        Map<String, StarsRepository.Entry> known = repo.all();
        int read = 0, gone = 0, failed = 0, fresh = 0, asked = 0;
        int budget = github.hasToken() ? PER_PASS_TOKEN : PER_PASS_ANONYMOUS;
        for (String name : wanted) {
            if (!due(known.get(name))) {
                fresh++;
                continue;
            }
            if (clock.instant().isBefore(pausedUntil) || asked == budget) break;
            if (asked++ > 0) sleeper.sleep(PACE);
            switch (github.stars(name)) {
                case GitHubClient.Answer.Stars s -> {
                    repo.saveStars(name, s.count(), clock.millis());
                    read++;
                    if (s.quotaEmptyUntil() != null) pause(s.quotaEmptyUntil(), "quota used up");
                }
                case GitHubClient.Answer.Gone g -> {
                    repo.saveGone(name, clock.millis());
                    gone++;
                }
                case GitHubClient.Answer.RateLimited r -> pause(r.until(), "rate limited");
                case GitHubClient.Answer.Unreachable u -> {
                    // one line, not one per repository; the next pass tries again
                    LOG.warn("job=stars stops this pass: {}", u.problem());
                    return new Pass(read, gone, failed, fresh, null);
                }
                case GitHubClient.Answer.Failed f -> {
                    repo.saveError(name, clock.millis());
                    failed++;
                    LOG.warn("job=stars no stars for {}: {}", name, f.problem());
                }
            }
        }
        return new Pass(read, gone, failed, fresh, clock.instant().isBefore(pausedUntil) ? pausedUntil : null);
    }

    /** When this node may ask GitHub again, if a limit stopped it. */
    public Optional<Instant> pausedUntil() {
        return clock.instant().isBefore(pausedUntil) ? Optional.of(pausedUntil) : Optional.empty();
    }

    private void pause(Instant until, String why) {
        pausedUntil = until;
        LOG.info("job=stars GitHub {}: no more requests until {}", why, until);
    }

    private boolean due(StarsRepository.Entry e) {
        if (e == null) return true;
        Duration keep = e.state() == StarsRepository.State.ERROR ? FAILED_RETRY : FRESH_FOR;
        return clock.millis() - e.checkedMs() >= keep.toMillis();
    }
}
