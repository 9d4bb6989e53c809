package org.paperboy.notify;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.paperboy.store.PaperRepository;

/**
 * The next digest of a frequency exactly as a subscriber would receive it: the composed run when
 * there is one, otherwise the papers it would pick now. Shown as the first confirmed subscriber of
 * that frequency (or a sample address without topics), with their topics.
 */
public final class DigestPreview {
    private final PaperRepository papers;
    private final DigestRunRepository runs;
    private final SubscriptionRepository subs;
    private final DigestComposer composer;
    private final TopicMatcher matcher;
    private final MailRenderer renderer;
    private final Links links;
    private final Function<Frequency, Optional<DigestPeriod>> nextPeriod;

    public DigestPreview(PaperRepository papers, DigestRunRepository runs, SubscriptionRepository subs, DigestComposer composer,
                         TopicMatcher matcher, MailRenderer renderer, Links links,
                         Function<Frequency, Optional<DigestPeriod>> nextPeriod) {
        this.papers = papers;
        this.runs = runs;
        this.subs = subs;
        this.composer = composer;
        this.matcher = matcher;
        this.renderer = renderer;
        this.links = links;
        this.nextPeriod = nextPeriod;
    }

    /** The period the next digest of this frequency covers, as the digest job decides it. */
    public Optional<DigestPeriod> nextPeriod(Frequency f) {
        return nextPeriod.apply(f);
    }

    /** The rendered mail, or empty when that period has no papers (no digest would be sent). */
    public Optional<MailRenderer.Rendered> render(Frequency f) {
        Optional<DigestPeriod> period = nextPeriod(f);
        if (period.isEmpty()) return Optional.empty();
        DigestRun run = runs.findByKey(period.get().key()).orElseGet(() -> transientRun(period.get()));
        if (run.paperIds().isEmpty()) return Optional.empty();
        Subscription who = subs.firstConfirmed(f)
                .orElse(new Subscription(0, "subscriber@example.org", f, SubscriptionStatus.CONFIRMED, List.of(), 0));
        return Optional.of(renderer.digest(new DigestMails(papers, matcher, links).build(run, who)));
    }

    private DigestRun transientRun(DigestPeriod p) {
        List<String> ids = composer.topPapers(p).stream().map(x -> x.id().base()).toList();
        return new DigestRun(-1, p.key(), p.frequency(), p.from(), p.to(), ids, false, 0);
    }
}
