package org.paperboy.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/** Persisted job state, so that a harvest or digest interrupted by a crash resumes where it stopped. */
public final class JobStateRepository {

    private final Jdbi jdbi;
    private final Clock clock;
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    public JobStateRepository(Database db, Clock clock) {
        this.jdbi = db.jdbi();
        this.clock = clock;
    }

    public JobState load(String name) {
        return find(name).orElse(JobState.fresh(name));
    }

    public Optional<JobState> find(String name) {
        return jdbi.withHandle(h -> h.createQuery(sql.locate(JobStateRepository.class, "find")).bind("name", name)
                .map((rs, ctx) -> new JobState(rs.getString("name"), rs.getString("cursor_json"),
                        instant(rs.getString("next_run")), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs.getString("updated_at"))))
                .findOne());
    }

    /** Every job's state, by name (for /metrics). */
    public List<JobState> all() {
        return jdbi.withHandle(h -> h.createQuery(sql.locate(JobStateRepository.class, "all"))
                .map((rs, ctx) -> new JobState(rs.getString("name"), rs.getString("cursor_json"),
                        instant(rs.getString("next_run")), rs.getInt("attempts"), rs.getString("last_error"),
                        instant(rs.getString("updated_at"))))
                .list());
    }

    public JobState save(JobState s) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate(sql.locate(JobStateRepository.class, "save"))
                .bind("name", s.name()).bind("cursor", s.cursor())
                .bind("nextRun", s.nextRun() == null ? null : s.nextRun().toString())
                .bind("attempts", s.attempts()).bind("lastError", s.lastError())
                .bind("updatedAt", now.toString()).execute());
        return new JobState(s.name(), s.cursor(), s.nextRun(), s.attempts(), s.lastError(), now);
    }

    /**
     * Takes a due run for this node by moving its next run from {@code seen} (as this node read it;
     * null when there was none) to {@code leaseUntil}. False when another node moved it first.
     */
    public boolean claim(String name, Instant seen, Instant leaseUntil) {
        String now = clock.instant().toString();
        return jdbi.withHandle(h -> {
            if (seen == null && h.createUpdate(sql.locate(JobStateRepository.class, "claim_new")).bind("name", name)
                    .bind("leaseUntil", leaseUntil.toString()).bind("now", now).execute() == 1) return true;
            return h.createUpdate(sql.locate(JobStateRepository.class, "claim")).bind("name", name)
                    .bind("seen", seen == null ? "" : seen.toString()).bind("leaseUntil", leaseUntil.toString())
                    .bind("now", now).execute() == 1;
        });
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
