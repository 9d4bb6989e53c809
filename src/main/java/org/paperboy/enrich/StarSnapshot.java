package org.paperboy.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.paperboy.paper.StarCounts;

/**
 * The stars pages show, read from {@code repo_stars} at most once a {@link #REREAD} (the table is
 * small and changes hourly), so that a page costs no query. Another node's pass shows within it.
 */
public final class StarSnapshot implements StarCounts {
    static final Duration REREAD = Duration.ofMinutes(1);

    private final StarsRepository repo;
    private final Clock clock;
    private volatile Map<String, StarsRepository.Entry> rows = Map.of();
    private volatile long readAtMs = Long.MIN_VALUE;

    public StarSnapshot(StarsRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    @Override
    public OptionalInt of(String url) {
        var name = GitHubRepos.of(url);
        if (name.isEmpty()) return OptionalInt.empty();
        StarsRepository.Entry e = current().get(name.get());
        return e == null || e.stars() == null || e.state() == StarsRepository.State.GONE ? OptionalInt.empty() : OptionalInt.of(e.stars());
    }

    private Map<String, StarsRepository.Entry> current() {
        long now = clock.millis();
        if (readAtMs != Long.MIN_VALUE && now - readAtMs < REREAD.toMillis()) return rows;
        try {
            rows = repo.all();
        } catch (RuntimeException e) {
            // a page must not fail for want of stars: keep the last snapshot and try again later
        }
        readAtMs = now;
        return rows;
    }
}
