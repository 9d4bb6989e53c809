package org.paperboy.community;

import java.time.Clock;
import org.paperboy.config.Settings;

/**
 * The abuse limits in layers, as Lobsters does: per IP address and per account, stricter for
 * young accounts. A refused action throws {@link RateLimitedException} (HTTP 429 + Retry-After).
 */
public final class RateLimits {
    /** Several people may share one address (a lab, a NAT): an IP gets this many times an account's limit. */
    public static final int IP_MULTIPLIER = 4;
    /** Accounts younger than the configured age get this share of the vote, comment and submit limits. */
    public static final double NEW_ACCOUNT_SHARE = 0.25;

    public enum Action { SIGNUP, LOGIN, VOTE, COMMENT, SUBMIT, RESET }

    private final Settings.Community settings;
    private final RateLimiter limiter;
    private final Clock clock;

    public RateLimits(Settings.Community settings, RateLimiter limiter, Clock clock) {
        this.settings = settings;
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Sign-up: per IP address. */
    public void signup(String ip) {
        take("sign-ups", "signup:ip:" + ip, settings.signup(), 1);
    }

    /**
     * Log-in: per IP address, and per target account name from that address, whether the account
     * exists or not. Counting a name per address (not alone) means that guessing from one place
     * cannot lock the account's owner out everywhere else.
     */
    public void login(String ip, String username) {
        take("log-in attempts", "login:ip:" + ip, settings.login(), IP_MULTIPLIER);
        take("log-in attempts", "login:name:" + UserRepository.key(username) + ":ip:" + ip, settings.login(), 1);
    }

    /** Reset and verification mails: per IP and per address, so no one can flood a mailbox. */
    public void mail(String ip, String address) {
        take("mail requests", "mail:ip:" + ip, settings.reset(), 1);
        take("mail requests", "mail:to:" + UserRepository.key(address), settings.reset(), 1);
    }

    public void vote(String ip, User user) {
        byAccount("votes", "vote", ip, user, settings.vote());
    }

    public void comment(String ip, User user) {
        byAccount("comments", "comment", ip, user, settings.comment());
    }

    public void submit(String ip, User user) {
        byAccount("submissions", "submit", ip, user, settings.submit());
    }

    /** A submission that changed nothing (already submitted, or arXiv has no such paper) does not count. */
    public void refundSubmit(String ip, User user) {
        if (!settings.rateLimits()) return;
        limiter.refund("submit:ip:" + ip);
        limiter.refund(userKey("submit", user));
    }

    private void byAccount(String what, String action, String ip, User user, Settings.Rate rate) {
        take(what, action + ":ip:" + ip, rate, IP_MULTIPLIER);
        Settings.Rate own = young(user) ? new Settings.Rate(Math.max(1, (int) (rate.count() * NEW_ACCOUNT_SHARE)), rate.per()) : rate;
        take(what, userKey(action, user), own, 1);
    }

    private boolean young(User user) {
        return clock.millis() - user.createdAt() < settings.newAccountAge().toMillis();
    }

    private String userKey(String action, User user) {
        return action + ":user:" + user.id() + (young(user) ? ":new" : "");
    }

    private void take(String what, String key, Settings.Rate rate, int multiplier) {
        if (!settings.rateLimits()) return;
        long wait = limiter.acquire(key, rate.count() * multiplier, rate.per());
        if (wait > 0) throw new RateLimitedException(what, wait);
    }
}
