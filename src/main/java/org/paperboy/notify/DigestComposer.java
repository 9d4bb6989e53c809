package org.paperboy.notify;

import java.time.Clock;
import java.util.List;
import java.util.function.IntConsumer;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes a digest: picks the period's top papers once (kept in its run), then writes one outbox
 * row per confirmed subscriber of that frequency, a page of subscribers at a time, with
 * INSERT ... ON CONFLICT DO NOTHING. Rerunning it, or running it on a second node at the same
 * time, adds rows only for subscribers who have none, so nobody gets a digest twice.
 */
public final class DigestComposer {
    private static final Logger LOG = LoggerFactory.getLogger(DigestComposer.class);
    /** Papers in a daily digest: a quick read over breakfast. */
    public static final int DAILY_TOP = 10;
    /** Papers in a weekly digest. */
    public static final int WEEKLY_TOP = 20;
    /** Subscribers read and rows written per transaction, so memory stays flat however many subscribe. */
    static final int PAGE = 1000;

    /** What composing did: papers in the digest, rows queued now, and whether it was a dry run. */
    public record Result(DigestPeriod period, int papers, int queued, boolean dryRun) {
        public boolean empty() {
            return papers == 0;
        }
    }

    private final PaperRepository papers;
    private final SubscriptionRepository subs;
    private final DigestRunRepository runs;
    private final OutboxRepository outbox;
    private final Links links;
    private final Clock clock;

    public DigestComposer(PaperRepository papers, SubscriptionRepository subs, DigestRunRepository runs,
                          OutboxRepository outbox, Links links, Clock clock) {
        this.papers = papers;
        this.subs = subs;
        this.runs = runs;
        this.outbox = outbox;
        this.links = links;
        this.clock = clock;
    }

    /** The papers a digest of this period shows: top by upvotes, newest first among equals. */
    public List<Paper> topPapers(DigestPeriod period) {
        int top = period.frequency() == Frequency.DAILY ? DAILY_TOP : WEEKLY_TOP;
        return papers.listing(new Listing(period.from(), period.to(), List.of(), Listing.Order.UPVOTES, 0, top));
    }

    public Result compose(DigestPeriod period, boolean dryRun) {
        return compose(period, dryRun, n -> { });
    }

    /** @param progress told how many rows each page queued */
    public Result compose(DigestPeriod period, boolean dryRun, IntConsumer progress) {
        var existing = runs.findByKey(period.key());
        List<String> ids = existing.map(DigestRun::paperIds)
                .orElseGet(() -> topPapers(period).stream().map(p -> p.id().base()).toList());
        if (ids.isEmpty()) {
            LOG.info("digest {}: no papers listed, nothing to send", period.key());
            return new Result(period, 0, 0, dryRun);
        }
        if (dryRun) return new Result(period, ids.size(), runs.missingSubscribers(period), true);
        long now = clock.millis();
        DigestRun run = runs.createIfAbsent(period, ids, now);
        int queued = 0;
        long after = 0;
        for (List<Long> page = subs.confirmedPage(period.frequency(), after, PAGE); !page.isEmpty();
             page = subs.confirmedPage(period.frequency(), after, PAGE)) {
            int n = outbox.enqueueAll(run.id(), run.key(), page, id -> links.messageId(run.key(), id), now);
            queued += n;
            progress.accept(n);
            after = page.get(page.size() - 1);
        }
        runs.markComposed(run.id(), queued, clock.millis());
        LOG.info("digest {}: {} papers, {} mails queued", run.key(), run.paperIds().size(), queued);
        return new Result(period, run.paperIds().size(), queued, false);
    }
}
