package org.paperboy.community;

import java.time.Clock;
import java.util.List;
import org.paperboy.config.Settings;
import org.paperboy.mail.MailTransport;
import org.paperboy.paper.Submitter;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/** Builds the community services over one database; App, the CLI, tests and the benchmark share it. */
public final class Community {
    private final Accounts accounts;
    private final Votes votes;
    private final Comments comments;
    private final Submissions submissions;
    private final Moderation moderation;
    private final TrendingScores trending;
    private final VoteRepository voteRepository;
    private final CommentRepository commentRepository;
    private final PaperRepository papers;

    public Community(Settings settings, Database db, PaperRepository papers, Clock clock, MailTransport mail,
                     PaperFetcher fetcher, PasswordHasher.Params hashing) {
        Settings.Community cs = settings.community();
        Secrets secrets = new Secrets();
        RateLimits limits = new RateLimits(cs, RateLimiter.shared(db, clock, new RateLimiter()), clock);
        UserRepository users = new UserRepository(db);
        SessionRepository sessions = new SessionRepository(db);
        ModerationRepository log = new ModerationRepository(db, papers);
        this.papers = papers;
        this.voteRepository = new VoteRepository(db, papers);
        this.commentRepository = new CommentRepository(db, papers);
        this.accounts = new Accounts(users, sessions, new ApiTokenRepository(db), new EmailTokenRepository(db), log,
                new PasswordHasher(hashing, secrets), secrets, mail, limits, clock, settings.baseUrl(), cs.sessionLifetime());
        this.votes = new Votes(voteRepository, limits, clock);
        this.comments = new Comments(commentRepository, new CommentMarkdown(), limits, clock, cs.commentEditWindow());
        this.submissions = new Submissions(papers, new SubmissionRepository(db, papers), fetcher, limits, clock);
        this.moderation = new Moderation(log, commentRepository, users, sessions, clock);
        this.trending = new TrendingScores(db, clock);
    }

    public Accounts accounts() {
        return accounts;
    }

    public Votes votes() {
        return votes;
    }

    public Comments comments() {
        return comments;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Moderation moderation() {
        return moderation;
    }

    public TrendingScores trending() {
        return trending;
    }

    public VoteRepository voteRepository() {
        return voteRepository;
    }

    public CommentRepository commentRepository() {
        return commentRepository;
    }

    /** Whether a moderator took the paper off the feed. */
    public boolean isHidden(String arxivId) {
        return papers.isHidden(arxivId);
    }

    /** Who put the paper on a day's feed, or null (the one "submitted by" lookup, shared with listings and the API). */
    public Submitter submitter(String arxivId) {
        return papers.submitters(List.of(arxivId)).get(arxivId);
    }
}
