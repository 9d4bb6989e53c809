package org.paperboy.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.mail.MailTransport;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/** The notify package built on a real database with a hand-moved clock, as App builds it. */
final class NotifyFixture {
    static final String BASE = "https://papers.example.org";
    static final String FROM = "Paperboy <digest@paperboy.test>";
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    final Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T07:00:00Z"));
    final PaperRepository papers;
    final SubscriptionRepository subs;
    final OutboxRepository outbox;
    final DigestRunRepository runs;
    final LinkTokens tokens;
    final Links links;
    final Subscriptions subscriptions;
    final DigestComposer composer;
    final TopicMatcher matcher;
    final MailRenderer renderer = new MailRenderer();

    NotifyFixture(Database db) {
        this(db, BASE);
    }

    NotifyFixture(Database db, String baseUrl) {
        this.db = db;
        papers = new PaperRepository(db);
        subs = new SubscriptionRepository(db);
        outbox = new OutboxRepository(db);
        runs = new DigestRunRepository(db);
        tokens = new LinkTokens(db);
        links = new Links(baseUrl, tokens, FROM, "");
        subscriptions = new Subscriptions(subs, outbox, tokens, links, clock);
        composer = new DigestComposer(papers, subs, runs, outbox, links, clock);
        matcher = new SqlTopicMatcher(db, papers);
    }

    OutboxSender sender(MailTransport transport) {
        return sender(transport, 3);
    }

    OutboxSender sender(MailTransport transport, int hardBounceLimit) {
        return new OutboxSender(outbox, subs, runs, new DigestMails(papers, matcher, links), renderer, links, transport, clock,
                2, hardBounceLimit);
    }

    static Paper paper(String id, String title, String abstractText, LocalDate day, List<String> authors, String... cats) {
        List<Author> as = new ArrayList<>();
        for (String a : authors) as.add(Author.named(a));
        return new Paper(new ArxivId(id, 1), title, as, abstractText, cats[0], List.of(cats), null, null, null, null,
                day, null, List.of(new PaperVersion(1, day, null)), day,
                List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/example/" + id.replace('.', '-'))), 0, 0);
    }

    void addPapers(Paper... ps) {
        papers.upsert(List.of(ps), ps[0].listingDate(), (stored, incoming) -> incoming);
    }

    void setUpvotes(String id, int upvotes) {
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE papers SET upvotes = :u WHERE arxiv_id = :id").bind("u", upvotes).bind("id", id).execute());
    }

    /** Subscribes and confirms directly, without mail (for tests about digests rather than opt-in). */
    long confirmedSubscriber(String email, Frequency f, List<String> topics) {
        subscriptions.subscribe(email, f.key(), topics);
        Subscription s = subs.findByEmail(email).orElseThrow();
        String token = tokens.randomToken();
        String hash = LinkTokens.hash(token);
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE subscriptions SET confirm_hash = :h WHERE id = :id").bind("h", hash).bind("id", s.id()).execute());
        if (subscriptions.confirm(token) != Subscriptions.ConfirmOutcome.CONFIRMED) throw new IllegalStateException("not confirmed");
        // the confirmation mail of this shortcut is not wanted in digest tests
        db.jdbi().useHandle(h -> h.createUpdate("DELETE FROM outbox WHERE subscription_id = :id").bind("id", s.id()).execute());
        return s.id();
    }

    int count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }
}
