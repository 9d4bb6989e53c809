package org.paperboy.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribing with double opt-in, confirming, leaving and changing settings. A subscribe queues
 * one confirmation mail; nothing else is ever sent to an unconfirmed address, and a repeated
 * subscribe within {@link #RESEND_WINDOW} queues nothing.
 */
public final class Subscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    /** How long a confirmation link works. */
    public static final Duration CONFIRM_VALID = Duration.ofHours(48);
    /** At most one confirmation mail per address in this window, however often it is subscribed. */
    public static final Duration RESEND_WINDOW = Duration.ofHours(6);

    public enum SubscribeOutcome { CONFIRMATION_QUEUED, CONFIRMATION_SENT_RECENTLY, ALREADY_CONFIRMED }

    public enum ConfirmOutcome { CONFIRMED, EXPIRED, INVALID }

    private final SubscriptionRepository subs;
    private final OutboxRepository outbox;
    private final LinkTokens tokens;
    private final Links links;
    private final Clock clock;
    private volatile Runnable onQueued = () -> { };

    public Subscriptions(SubscriptionRepository subs, OutboxRepository outbox, LinkTokens tokens, Links links, Clock clock) {
        this.subs = subs;
        this.outbox = outbox;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    /** Called after a confirmation is queued, so the sender can deliver it without waiting for its next poll. */
    public void onQueued(Runnable r) {
        this.onQueued = r;
    }

    /** Validates, then queues a confirmation unless one went out recently; throws {@link InvalidInput}. */
    public SubscribeOutcome subscribe(String rawEmail, String rawFrequency, List<String> rawTopics) {
        String email = EmailAddress.normalise(rawEmail);
        Frequency f = Frequency.parse(rawFrequency).orElseThrow(() -> new InvalidInput("Frequency must be daily or weekly."));
        List<String> topics = TopicQuery.validate(rawTopics);
        String token = tokens.randomToken();
        String hash = LinkTokens.hash(token);
        long now = clock.millis();
        long expires = now + CONFIRM_VALID.toMillis();
        SubscribeOutcome outcome = subs.jdbi().inTransaction(h -> {
            Optional<Long> created = subs.insertPending(h, email, f, hash, expires, now);
            long id;
            if (created.isPresent()) {
                id = created.get();
            } else {
                Subscription existing = subs.findByEmail(h, email).orElseThrow();
                if (existing.status() == SubscriptionStatus.CONFIRMED) return SubscribeOutcome.ALREADY_CONFIRMED;
                if (!subs.restartConfirmation(h, existing.id(), f, hash, expires, now, now - RESEND_WINDOW.toMillis())) {
                    return SubscribeOutcome.CONFIRMATION_SENT_RECENTLY;
                }
                id = existing.id();
            }
            subs.replaceTopics(h, id, topics);
            String key = "confirm:" + now;
            outbox.enqueue(h, id, key, null, token, links.messageId(key, id), now);
            return SubscribeOutcome.CONFIRMATION_QUEUED;
        });
        LOG.info("subscribe {}: {}", f.key(), outcome);
        if (outcome == SubscribeOutcome.CONFIRMATION_QUEUED) onQueued.run();
        return outcome;
    }

    /** What {@link #confirm} would answer, without using the token (for the page with the confirm button). */
    public ConfirmOutcome check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return ConfirmOutcome.INVALID;
        var pending = subs.findConfirmation(LinkTokens.hash(token));
        if (pending.isEmpty()) return ConfirmOutcome.INVALID;
        return pending.get().expiresAt() < clock.millis() ? ConfirmOutcome.EXPIRED : ConfirmOutcome.CONFIRMED;
    }

    public ConfirmOutcome confirm(String token) {
        if (token == null || token.isBlank() || token.length() > 100) return ConfirmOutcome.INVALID;
        String hash = LinkTokens.hash(token);
        var pending = subs.findConfirmation(hash);
        if (pending.isEmpty()) return ConfirmOutcome.INVALID;
        long now = clock.millis();
        if (pending.get().expiresAt() < now) return ConfirmOutcome.EXPIRED;
        boolean ok = subs.confirm(pending.get().id(), hash, now);
        if (ok) LOG.info("subscription {} confirmed", pending.get().id());
        return ok ? ConfirmOutcome.CONFIRMED : ConfirmOutcome.INVALID;
    }

    /** Unsubscribes at once; empty when the token is not a genuine unsubscribe token. Repeating it is harmless. */
    public Optional<Subscription> unsubscribe(String token) {
        OptionalLong id = tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, token);
        if (id.isEmpty()) return Optional.empty();
        Optional<Subscription> s = subs.find(id.getAsLong());
        if (s.isEmpty()) return s;
        if (subs.unsubscribe(id.getAsLong(), clock.millis())) LOG.info("subscription {} unsubscribed", id.getAsLong());
        return subs.find(id.getAsLong());
    }

    /** The subscription an unsubscribe link names, without unsubscribing (for the page with the button). */
    public Optional<Subscription> forUnsubscribe(String token) {
        OptionalLong id = tokens.verify(LinkTokens.Purpose.UNSUBSCRIBE, token);
        return id.isEmpty() ? Optional.empty() : subs.find(id.getAsLong());
    }

    /** The subscription a settings link opens, when the token is genuine. */
    public Optional<Subscription> forSettings(String token) {
        OptionalLong id = tokens.verify(LinkTokens.Purpose.MANAGE, token);
        return id.isEmpty() ? Optional.empty() : subs.find(id.getAsLong());
    }

    /** Changes frequency and topics through a settings link; throws {@link InvalidInput} on bad values. */
    public Optional<Subscription> updateSettings(String token, String rawFrequency, List<String> rawTopics) {
        Optional<Subscription> s = forSettings(token);
        if (s.isEmpty()) return s;
        Frequency f = Frequency.parse(rawFrequency).orElseThrow(() -> new InvalidInput("Frequency must be daily or weekly."));
        List<String> topics = TopicQuery.validate(rawTopics);
        subs.updateSettings(s.get().id(), f, topics, clock.millis());
        return subs.find(s.get().id());
    }

    /** The settings link of an address's subscription, for a signed-in account whose address is verified. */
    public Optional<String> settingsUrlFor(String verifiedEmail) {
        return subs.findByEmail(EmailAddress.normalise(verifiedEmail)).map(s -> links.settingsUrl(s.id()));
    }

    /** For the operator handling mailto: unsubscribe requests by hand ({@code paperboy digest unsubscribe}). */
    public Optional<Subscription> unsubscribeAddress(String rawEmail) {
        Optional<Subscription> s = subs.findByEmail(EmailAddress.normalise(rawEmail));
        s.ifPresent(x -> subs.unsubscribe(x.id(), clock.millis()));
        return s.flatMap(x -> subs.find(x.id()));
    }

    public Links links() {
        return links;
    }
}
