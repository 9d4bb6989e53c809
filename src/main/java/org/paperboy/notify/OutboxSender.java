package org.paperboy.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailDeliveryException;
import org.paperboy.mail.MailTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers due outbox rows over a {@link MailTransport}, several at once.
 *
 * <p>Each row is claimed with a conditional UPDATE before it is sent, so two senders (threads or
 * nodes) never send the same row. After the transport accepts a mail the row is marked sent at
 * once, in its own statement, retried while the database is briefly away (a restart or a
 * failover; see {@link SentMarks}). The one gap left is a crash between the SMTP server's "250 OK" and
 * that statement: the row stays claimed, and after {@link #CLAIM_LEASE} it is queued again and sent
 * a second time, with the same Message-ID (at-least-once, never lost). That window is one
 * single-row UPDATE long. A crash anywhere else loses nothing and sends nothing twice: rows not yet
 * claimed are simply still queued, and a claimed row that was never handed to the transport comes
 * back after the lease.
 *
 * <p>Temporary failures (SMTP 4xx, connection refused, timeouts) are retried with exponential
 * backoff; permanent ones (5xx) fail the row and count a hard bounce, and an address reaching the
 * limit is disabled.
 */
public final class OutboxSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    /** A claimed row whose sender has not reported back for this long is given to another sender. */
    public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    public static final Duration MAX_RETRY = Duration.ofHours(6);
    /** With the delays above (1, 2, 4 ... 256 minutes, then 6 h), about 20 hours of trying before a row is given up. */
    public static final int MAX_ATTEMPTS = 12;
    static final int PAGE = 500;
    /**
     * Rows one worker claims at once. Small enough that a batch finishes well inside
     * {@link #CLAIM_LEASE} even when every mail in it waits for a connect timeout.
     */
    static final int CLAIM_BATCH = 20;
    static final Duration POLL = Duration.ofSeconds(15);

    /** What one pass did. */
    public record Report(int sent, int retried, int failed, int skipped) {
        public int total() {
            return sent + retried + failed + skipped;
        }
    }

    private enum Outcome { SENT, RETRIED, FAILED, SKIPPED }

    private final OutboxRepository outbox;
    private final SubscriptionRepository subs;
    private final DigestRunRepository runs;
    private final DigestMails digests;
    private final MailRenderer renderer;
    private final Links links;
    private final MailTransport transport;
    private final Clock clock;
    private final int hardBounceLimit;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService workers;
    private final LinkedBlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
    private volatile Thread loop;

    public OutboxSender(OutboxRepository outbox, SubscriptionRepository subs, DigestRunRepository runs, DigestMails digests,
                        MailRenderer renderer, Links links, MailTransport transport, Clock clock, int workers, int hardBounceLimit) {
        this.outbox = outbox;
        this.subs = subs;
        this.runs = runs;
        this.digests = digests;
        this.renderer = renderer;
        this.links = links;
        this.transport = transport;
        this.clock = clock;
        this.hardBounceLimit = hardBounceLimit;
        this.workers = Executors.newFixedThreadPool(workers, Thread.ofPlatform().name("mail-sender-", 0).daemon().factory());
    }

    /** The delay before retry number {@code attempt} (1-based): 1 min, 2, 4, ... capped at {@link #MAX_RETRY}. */
    public static Duration backoff(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration d = FIRST_RETRY.multipliedBy(factor);
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }

    /** Sends every row due now, page by page, until none is left; returns what happened. */
    public Report sendDue() {
        return sendDue(r -> { });
    }

    /** @param progress told after each page */
    public Report sendDue(Consumer<Report> progress) {
        Map<Outcome, Integer> counts = new LinkedHashMap<>();
        digests.clearCache();
        Map<Long, Optional<DigestRun>> runCache = new ConcurrentHashMap<>();
        // expired claims are requeued before every page, not only at the start: in a pass that runs longer than
        // the lease, the rows of a sender that died meanwhile are still delivered by this pass
        for (List<Long> page = nextPage(); !page.isEmpty(); page = nextPage()) {
            List<Future<List<Outcome>>> futures = new ArrayList<>();
            for (int i = 0; i < page.size(); i += CLAIM_BATCH) {
                List<Long> batch = page.subList(i, Math.min(page.size(), i + CLAIM_BATCH));
                futures.add(workers.submit(() -> deliverBatch(batch, runCache)));
            }
            for (Future<List<Outcome>> f : futures) await(f).forEach(o -> counts.merge(o, 1, Integer::sum));
            progress.accept(report(counts));
        }
        Report r = report(counts);
        if (r.total() > 0) LOG.info("outbox pass: {} sent, {} to retry, {} failed, {} skipped ({})", r.sent(), r.retried(), r.failed(), r.skipped(), transport.describe());
        return r;
    }

    private List<Long> nextPage() {
        int released = outbox.releaseStale(clock.millis() - CLAIM_LEASE.toMillis());
        if (released > 0) LOG.warn("{} outbox rows were claimed by a sender that stopped; queued again", released);
        return outbox.due(clock.millis(), PAGE);
    }

    /** Rows some sender still holds (this pass is over, so another sender, alive or dead): not delivered yet. */
    public OutboxRepository.Claimed stillClaimed() {
        return outbox.claimed();
    }

    private static Report report(Map<Outcome, Integer> c) {
        return new Report(c.getOrDefault(Outcome.SENT, 0), c.getOrDefault(Outcome.RETRIED, 0),
                c.getOrDefault(Outcome.FAILED, 0), c.getOrDefault(Outcome.SKIPPED, 0));
    }

    private static List<Outcome> await(Future<List<Outcome>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException e) {
            // the batch's unsent rows stay claimed and come back after the lease; nothing is lost
            LOG.error("outbox delivery failed unexpectedly: {}", e.getCause().toString());
            return List.of();
        }
    }

    /**
     * Claims a batch, then sends each row this sender won, one at a time. A batch slowed down by a
     * struggling server hands back its unsent rows at half the lease, so that no row is ever still
     * being worked on when its claim expires and another sender may take it.
     */
    private List<Outcome> deliverBatch(List<Long> ids, Map<Long, Optional<DigestRun>> runCache) {
        long claimedAt = clock.millis();
        List<OutboxRow> rows = outbox.claimAll(ids, node, claimedAt);
        if (rows.isEmpty()) return List.of();
        Map<Long, Subscription> subscribers = subs.findMany(rows.stream().map(OutboxRow::subscriptionId).distinct().toList());
        List<Outcome> done = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (clock.millis() - claimedAt > CLAIM_LEASE.toMillis() / 2) {
                outbox.release(rows.subList(i, rows.size()).stream().map(OutboxRow::id).toList(), node);
                LOG.warn("outbox batch too slow; {} rows handed back unsent", rows.size() - i);
                break;
            }
            OutboxRow row = rows.get(i);
            Optional<DigestRun> run = row.isConfirmation() ? Optional.empty() : runCache.computeIfAbsent(row.runId(), runs::find);
            done.add(deliver(row, subscribers.get(row.subscriptionId()), run));
        }
        return done;
    }

    private Outcome deliver(OutboxRow row, Subscription subscriber, Optional<DigestRun> run) {
        long id = row.id();
        Optional<String> skip = reasonToSkip(row, run);
        if (skip.isPresent()) {
            outbox.markFinal(id, node, "skipped", row.attempts(), skip.get(), clock.millis());
            return Outcome.SKIPPED;
        }
        Mail mail = row.isConfirmation() ? confirmation(row, subscriber) : digest(row, subscriber, run.orElseThrow());
        try {
            transport.send(mail);
        } catch (MailDeliveryException e) {
            return failed(row, e);
        }
        SentMarks.record(() -> outbox.markSent(id, node, clock.millis()), "outbox " + id);
        if (row.hardBounces() > 0) subs.resetBounces(row.subscriptionId());
        return Outcome.SENT;
    }

    /** Rows that must not go out any more: the subscriber left, or a newer confirmation replaced this one. */
    private static Optional<String> reasonToSkip(OutboxRow row, Optional<DigestRun> run) {
        if (row.isConfirmation()) {
            if (row.subscriptionStatus() != SubscriptionStatus.PENDING) return Optional.of("subscription is " + row.subscriptionStatus().key());
            if (row.payload() == null || !LinkTokens.hash(row.payload()).equals(row.confirmHash())) return Optional.of("a newer confirmation replaced this one");
            return Optional.empty();
        }
        if (row.subscriptionStatus() != SubscriptionStatus.CONFIRMED) return Optional.of("subscription is " + row.subscriptionStatus().key());
        if (run.isEmpty()) return Optional.of("digest run is gone");
        if (run.get().frequency() != row.frequency()) return Optional.of("subscriber switched to " + row.frequency().key());
        return Optional.empty();
    }

    private Outcome failed(OutboxRow row, MailDeliveryException e) {
        int attempts = row.attempts() + 1;
        long now = clock.millis();
        if (e.permanent()) {
            outbox.markFinal(row.id(), node, "failed", attempts, e.getMessage(), now);
            subs.recordHardBounce(row.subscriptionId(), hardBounceLimit, now);
            LOG.warn("outbox {}: permanent failure, not retried: {}", row.id(), e.getMessage());
            return Outcome.FAILED;
        }
        if (attempts >= MAX_ATTEMPTS) {
            outbox.markFinal(row.id(), node, "failed", attempts, "gave up after " + attempts + " attempts: " + e.getMessage(), now);
            LOG.warn("outbox {}: gave up after {} attempts: {}", row.id(), attempts, e.getMessage());
            return Outcome.FAILED;
        }
        outbox.markRetry(row.id(), node, attempts, now + backoff(attempts).toMillis(), e.getMessage());
        return Outcome.RETRIED;
    }

    private Mail confirmation(OutboxRow row, Subscription s) {
        String valid = Subscriptions.CONFIRM_VALID.toHours() + " hours";
        MailRenderer.Rendered r = renderer.confirmation(new ConfirmMail(row.email(), links.confirmUrl(row.payload()),
                row.frequency().key(), s.topics(), valid, links.baseUrl()));
        return new Mail(row.email(), "Confirm your Paperboy subscription", r.text(), r.html(),
                Map.of("Auto-Submitted", "auto-generated"), row.messageId());
    }

    private Mail digest(OutboxRow row, Subscription s, DigestRun run) {
        DigestMail d = digests.build(run, s);
        MailRenderer.Rendered r = renderer.digest(d);
        return new Mail(row.email(), d.subject(), r.text(), r.html(), headers(row.subscriptionId()), row.messageId());
    }

    /** RFC 2369 / RFC 8058 headers that let mail clients offer a one-click unsubscribe. */
    Map<String, String> headers(long subscriptionId) {
        return Map.of("List-Unsubscribe", links.listUnsubscribe(subscriptionId),
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click",
                "List-Id", links.listId());
    }

    /** Starts a background loop: a pass every {@link #POLL}, or at once after {@link #wake()}. */
    public void start() {
        loop = Thread.ofPlatform().name("outbox-sender").daemon().start(() -> {
            LOG.info("outbox sender {} delivering via {}", node, transport.describe());
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    sendDue();
                    wakeups.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.clear();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.error("outbox pass failed; trying again in {}s: {}", POLL.toSeconds(), e.toString());
                    sleepQuietly();
                }
            }
        });
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the background loop for a pass now (a confirmation was just queued). */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    @Override
    public void close() {
        Thread t = loop;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
