package org.paperboy.community;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Submitter;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Submit a paper": a paper in the catalog is featured on today's page at once; an unknown one is
 * fetched from arXiv first. A paper is credited to its first submitter only.
 */
public final class Submissions {
    private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);

    /** What happened: {@code submission} names who is credited (maybe someone earlier). */
    public record Outcome(Paper paper, Submitter submission, boolean fetched, boolean alreadySubmitted) {}

    private final PaperRepository papers;
    private final SubmissionRepository submissions;
    private final PaperFetcher fetcher;
    private final RateLimits limits;
    private final Clock clock;

    public Submissions(PaperRepository papers, SubmissionRepository submissions,
                       PaperFetcher fetcher, RateLimits limits, Clock clock) {
        this.papers = papers;
        this.submissions = submissions;
        this.fetcher = fetcher;
        this.limits = limits;
        this.clock = clock;
    }

    public Outcome submit(User user, String idOrUrl, String ip) {
        Guards.mayContribute(user, "submit papers");
        ArxivId id = ArxivId.parse(idOrUrl).orElseThrow(() -> CommunityException.invalid(
                "'" + abbreviate(idOrUrl) + "' is not an arXiv id or URL (e.g. 2503.11731 or https://arxiv.org/abs/2503.11731)."));
        limits.submit(ip, user);
        LocalDate today = LocalDate.now(clock);
        boolean fetched = false;
        boolean recorded = false;
        try {
            Optional<Paper> known = papers.find(id.base());
            if (known.isEmpty()) {
                Paper p = fetch(id);
                papers.upsert(List.of(p.withListingDate(listingDay(p, today))), today, (stored, incoming) -> stored);
                fetched = true;
            }
            if (papers.isHidden(id.base())) throw CommunityException.forbidden(PaperRepository.HIDDEN_NOTICE);
            recorded = submissions.insert(id.base(), user.id(), today, clock.millis());
        } finally {
            if (!recorded) limits.refundSubmit(ip, user);
        }
        Submitter s = papers.submitters(List.of(id.base())).get(id.base());
        if (recorded) LOG.info("paper {} submitted by user {}{}", id.base(), user.id(), fetched ? " (fetched from arXiv)" : "");
        return new Outcome(papers.find(id.base()).orElseThrow(), s, fetched, !recorded);
    }

    private Paper fetch(ArxivId id) {
        try {
            return fetcher.fetch(id.withVersion(ArxivId.UNVERSIONED))
                    .orElseThrow(() -> CommunityException.notFound("arXiv has no paper " + id.base() + "."));
        } catch (PaperFetcher.Unavailable e) {
            LOG.warn("arXiv unreachable while fetching submitted paper {}: {}", id.base(), e.getMessage());
            throw new CommunityException(CommunityException.Reason.UNAVAILABLE, "Paper " + id.base()
                    + " is not in the catalog yet and arXiv cannot be reached right now. Please try again in a few minutes.");
        }
    }

    /**
     * A fetched paper is listed on its arXiv day, never after the newest listed day: a submission
     * must not make a day of its own that replaces the newest arXiv day on the front page. It is
     * featured on today's page through its submission.
     */
    private LocalDate listingDay(Paper p, LocalDate today) {
        LocalDate own = p.listingDate() != null ? p.listingDate() : p.submitted() != null ? p.submitted() : today;
        LocalDate newest = papers.latestDay().orElse(own);
        return own.isAfter(newest) ? newest : own;
    }

    public List<Submission> byUser(User user, int limit) {
        return submissions.byUser(user.id(), limit);
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
