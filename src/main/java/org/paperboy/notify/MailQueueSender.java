package org.paperboy.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.paperboy.mail.MailDeliveryException;
import org.paperboy.mail.MailTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the account mails that {@link MailQueue} holds over the real transport, with the digest
 * outbox's rules: a row is claimed by one conditional UPDATE before it is sent, so two senders
 * (threads or nodes) never send the same row; temporary failures retry with
 * {@link OutboxSender#backoff}, permanent ones fail the row; a claim left by a sender that died is
 * given back after {@link OutboxSender#CLAIM_LEASE}.
 */
public final class MailQueueSender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailQueueSender.class);
    /** Someone waits for a verification or reset link: poll more often than the digest sender. */
    static final Duration POLL = Duration.ofSeconds(5);
    static final int PAGE = 100;

    /** What one pass did. */
    public record Report(int sent, int retried, int failed) {}

    private enum Outcome { SENT, RETRIED, FAILED }

    private final MailQueue queue;
    private final MailTransport transport;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final LinkedBlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
    private volatile Thread loop;

    public MailQueueSender(MailQueue queue, MailTransport transport, Clock clock) {
        this.queue = queue;
        this.transport = transport;
        this.clock = clock;
    }

    /** Sends every row due now that this sender can claim. */
    public Report sendDue() {
        int released = queue.releaseStale(clock.millis() - OutboxSender.CLAIM_LEASE.toMillis());
        if (released > 0) LOG.warn("{} account mails were claimed by a sender that stopped; queued again", released);
        int sent = 0, retried = 0, failed = 0;
        for (List<Long> page = queue.due(clock.millis(), PAGE); !page.isEmpty(); page = queue.due(clock.millis(), PAGE)) {
            int claimed = 0;
            for (long id : page) {
                Optional<MailQueue.Row> row = queue.claim(id, node, clock.millis());
                if (row.isEmpty()) continue;
                claimed++;
                switch (deliver(row.get())) {
                    case SENT -> sent++;
                    case RETRIED -> retried++;
                    case FAILED -> failed++;
                }
            }
            if (claimed == 0) break; // another node took this page; the next poll looks again
        }
        if (sent + retried + failed > 0) LOG.info("account mails: {} sent, {} to retry, {} failed ({})", sent, retried, failed, transport.describe());
        return new Report(sent, retried, failed);
    }

    private Outcome deliver(MailQueue.Row row) {
        try {
            transport.send(row.mail());
        } catch (MailDeliveryException e) {
            int attempts = row.attempts() + 1;
            if (e.permanent() || attempts >= OutboxSender.MAX_ATTEMPTS) {
                queue.markFailed(row.id(), node, attempts, e.getMessage());
                LOG.warn("account mail {}: failed for good after {} attempts: {}", row.id(), attempts, e.getMessage());
                return Outcome.FAILED;
            }
            queue.markRetry(row.id(), node, attempts, clock.millis() + OutboxSender.backoff(attempts).toMillis(), e.getMessage());
            return Outcome.RETRIED;
        }
        SentMarks.record(() -> queue.markSent(row.id(), node, clock.millis()), "account mail " + row.id());
        return Outcome.SENT;
    }

    /** Starts the background loop: a pass every {@link #POLL}, or at once after {@link #wake()}. */
    public void start() {
        loop = Thread.ofPlatform().name("account-mail-sender").daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    sendDue();
                } catch (RuntimeException e) {
                    LOG.error("account mail pass failed; trying again in {}s: {}", POLL.toSeconds(), e.toString());
                }
                try {
                    wakeups.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wakeups.clear();
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Asks the background loop for a pass now. */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    @Override
    public void close() {
        Thread t = loop;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
