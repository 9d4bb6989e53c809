package org.paperboy.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Figures for the admin page and `paperboy digest status`: subscribers, recent digests, delivery per day. */
public final class DigestOverview {
    /** A recent digest with its outbox rows per status. */
    public record RunFigures(DigestRun run, Map<String, Integer> outbox) {}

    private final SubscriptionRepository subs;
    private final DigestRunRepository runs;
    private final OutboxRepository outbox;
    private final Clock clock;

    public DigestOverview(SubscriptionRepository subs, DigestRunRepository runs, OutboxRepository outbox, Clock clock) {
        this.subs = subs;
        this.runs = runs;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Map<String, Integer> subscribers() {
        return subs.countByStatus();
    }

    public List<RunFigures> recentRuns(int limit) {
        List<DigestRun> recent = runs.recent(limit);
        Map<Long, Map<String, Integer>> counts = outbox.countByRun(recent.stream().map(DigestRun::id).toList());
        return recent.stream().map(r -> new RunFigures(r, counts.getOrDefault(r.id(), Map.of()))).toList();
    }

    public Map<String, Integer> confirmations() {
        return outbox.countConfirmations();
    }

    public List<DeliveryDay> deliveries(int days) {
        return outbox.perDay(clock.millis() - Duration.ofDays(days).toMillis());
    }
}
