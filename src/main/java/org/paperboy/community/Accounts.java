package org.paperboy.community;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailDeliveryException;
import org.paperboy.mail.MailTransport;
import org.paperboy.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: sign-up with e-mail verification, log-in into server-side sessions, password change
 * and reset by e-mail, API tokens, and the shell's account commands. Secrets (passwords, session
 * ids, tokens) are never logged and only their hashes are stored.
 */
public final class Accounts {
    private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{1,31}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 1024;
    public static final Duration VERIFY_LINK_LIFETIME = Duration.ofDays(2);
    public static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    public static final Duration EMAIL_CHANGE_LINK_LIFETIME = Duration.ofDays(2);
    /** The same answer for a wrong name and a wrong password, so log-in does not reveal who has an account. */
    public static final String BAD_LOGIN = "Wrong username or password.";

    /** A new session: the user and the secret for the cookie (shown once, stored hashed). */
    public record LoggedIn(User user, String sessionId) {}

    private final UserRepository users;
    private final SessionRepository sessions;
    private final ApiTokenRepository apiTokens;
    private final EmailTokenRepository emailTokens;
    private final ModerationRepository eraser;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final MailTransport mail;
    private final RateLimits limits;
    private final Clock clock;
    private final AccountMails mails;
    private final Duration sessionLifetime;

    public Accounts(UserRepository users, SessionRepository sessions, ApiTokenRepository apiTokens,
                    EmailTokenRepository emailTokens, ModerationRepository eraser, PasswordHasher hasher, Secrets secrets,
                    MailTransport mail, RateLimits limits, Clock clock, URI baseUrl, Duration sessionLifetime) {
        this.users = users;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.emailTokens = emailTokens;
        this.eraser = eraser;
        this.hasher = hasher;
        this.secrets = secrets;
        this.mail = mail;
        this.limits = limits;
        this.clock = clock;
        this.mails = new AccountMails(baseUrl);
        this.sessionLifetime = sessionLifetime;
    }

    /**
     * Creates an unverified account and mails the verification link; the first account is admin.
     * An address that already has an account is mailed a reminder instead, and the caller gets the
     * same answer as for a new account (empty here), after the same password-hashing time, so that
     * the form does not tell strangers who has an account.
     */
    public Optional<User> signUp(String username, String email, String password, String ip) {
        limits.signup(ip);
        String address = email == null ? "" : email.strip();
        Optional<User> owner = users.byEmail(address);
        if (owner.isEmpty()) {
            User u = create(username, address, password, null);
            sendVerification(u);
            return Optional.of(u);
        }
        checkNewAccount(username, address, password);
        hasher.hash(password);
        try {
            limits.mail(ip, address);
            send(mails.alreadyRegistered(owner.get()), owner.get());
        } catch (RateLimitedException e) {
            // over the limit nothing is sent, and nothing is said: a new address would not be told either
        }
        return Optional.empty();
    }

    /** An account made from the shell counts as verified: its maker vouches for the address. */
    public User createVerified(String username, String email, String password) {
        return create(username, email, password, clock.millis());
    }

    private User create(String username, String email, String password, Long verifiedAt) {
        String name = username == null ? "" : username.strip();
        String address = email == null ? "" : email.strip();
        checkNewAccount(name, address, password);
        if (users.byEmail(address).isPresent()) {
            throw new CommunityException(CommunityException.Reason.CONFLICT, "An account with that e-mail address exists; log in or reset its password.");
        }
        long id;
        try {
            id = users.insert(name, address, hasher.hash(password), verifiedAt, clock.millis());
        } catch (RuntimeException e) {
            if (!StoreException.isUniqueViolation(e)) {
                LOG.error("sign-up of '{}' failed, the database refused the account: {}", name, StoreException.cause(e));
                throw new CommunityException(CommunityException.Reason.UNAVAILABLE,
                        "Sign-up is unavailable right now (a problem on our side, logged); please try again later.");
            }
            // a concurrent sign-up took the name or address between the check and the insert
            throw new CommunityException(CommunityException.Reason.CONFLICT, "That username or e-mail address is taken.");
        }
        User u = users.byId(id).orElseThrow();
        LOG.info("account created: user {} ({}){}", u.id(), u.username(), u.admin() ? ", admin (first account)" : "");
        return u;
    }

    /** Usernames are public (profiles), so a taken one may be said; addresses are not. */
    private void checkNewAccount(String username, String address, String password) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw CommunityException.invalid("A username is 2 to 32 letters, digits, '-' or '_', starting with a letter or digit.");
        }
        checkAddress(address);
        checkPassword(password, name);
        if (users.byUsername(name).isPresent()) throw new CommunityException(CommunityException.Reason.CONFLICT, "That username is taken.");
    }

    private static void checkAddress(String address) {
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) throw CommunityException.invalid("That is not an e-mail address.");
    }

    private static void checkPassword(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw CommunityException.invalid("A password needs at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > MAX_PASSWORD) throw CommunityException.invalid("That password is too long.");
        if (password.equalsIgnoreCase(username)) throw CommunityException.invalid("The password must differ from the username.");
    }

    /** Mails a fresh verification link; false when the mail could not be sent (the account stays). */
    public boolean sendVerification(User u) {
        return send(mails.verification(u, newEmailToken(u, EmailTokenRepository.VERIFY, VERIFY_LINK_LIFETIME)), u);
    }

    /** Resend on request, limited like reset mails. */
    public boolean resendVerification(User u, String ip) {
        if (u.verified()) return true;
        limits.mail(ip, u.email());
        return sendVerification(u);
    }

    public boolean verifyTokenValid(String token) {
        return token != null && emailTokens.valid(Secrets.digest(token), EmailTokenRepository.VERIFY, clock.millis());
    }

    public User verify(String token) {
        long userId = emailTokens.consume(Secrets.digest(token == null ? "" : token), EmailTokenRepository.VERIFY, clock.millis())
                .orElseThrow(() -> CommunityException.invalid("This confirmation link is invalid, used or expired. Log in to get a new one."));
        users.setVerified(userId, clock.millis());
        return users.byId(userId).orElseThrow();
    }

    public LoggedIn logIn(String username, String password, String ip) {
        String name = username == null ? "" : username.strip();
        String pw = password == null ? "" : password;
        limits.login(ip, name);
        Optional<User> found = name.isEmpty() ? Optional.empty() : users.byUsername(name).or(() -> users.byEmail(name));
        if (found.isEmpty()) {
            hasher.verifyDecoy(pw);
            throw new CommunityException(CommunityException.Reason.UNAUTHENTICATED, BAD_LOGIN);
        }
        User u = found.get();
        String stored = users.passwordHash(u.id()).orElse("");
        if (pw.length() > MAX_PASSWORD || !hasher.verify(pw, stored)) {
            throw new CommunityException(CommunityException.Reason.UNAUTHENTICATED, BAD_LOGIN);
        }
        // told only after the right password, so a ban does not reveal that a name exists
        if (u.banned()) throw CommunityException.forbidden("This account is banned.");
        if (hasher.needsRehash(stored)) users.setPassword(u.id(), hasher.hash(pw));
        return new LoggedIn(u, newSession(u));
    }

    private String newSession(User u) {
        String id = secrets.newSecret("");
        long now = clock.millis();
        sessions.create(Secrets.digest(id), u.id(), now, now + sessionLifetime.toMillis());
        return id;
    }

    public void logOut(String sessionId) {
        if (sessionId != null) sessions.delete(Secrets.digest(sessionId));
    }

    /** The live, unbanned user of a session cookie. */
    public Optional<User> session(String sessionId) {
        if (sessionId == null || sessionId.isEmpty() || sessionId.length() > 100) return Optional.empty();
        return sessions.user(Secrets.digest(sessionId), clock.millis());
    }

    /** The unbanned owner of an API token. */
    public Optional<User> bearer(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return apiTokens.user(Secrets.digest(token));
    }

    /**
     * A new token asked for on the web: the password confirms it (limited like log-ins), so that a
     * stolen session or a token cannot mint tokens that outlive it.
     */
    public String newApiToken(User u, String name, String password, String ip) {
        confirmPassword(u, password, ip);
        return newApiToken(u, name);
    }

    /** A new personal API token, returned once; only its hash is kept. */
    public String newApiToken(User u, String name) {
        String token = secrets.newSecret("pb_");
        apiTokens.create(Secrets.digest(token), u.id(), name == null || name.isBlank() ? "token" : name.strip(), clock.millis());
        LOG.info("API token created for user {}", u.id());
        return token;
    }

    public List<ApiTokenRepository.TokenInfo> apiTokens(User u) {
        return apiTokens.listFor(u.id());
    }

    public void revokeApiToken(User u, long tokenId) {
        if (!apiTokens.revoke(tokenId, u.id())) throw CommunityException.notFound("You have no token " + tokenId + ".");
        LOG.info("API token {} of user {} revoked", tokenId, u.id());
    }

    /** Changes the password and ends every session; returns a new session for the caller. */
    public LoggedIn changePassword(User u, String current, String next, String ip) {
        confirmPassword(u, current, ip);
        checkPassword(next, u.username());
        users.setPassword(u.id(), hasher.hash(next));
        sessions.deleteAllOf(u.id());
        return new LoggedIn(u, newSession(u));
    }

    /**
     * Deletes the account on its owner's request, with the password as confirmation (limited like
     * log-ins). What stays: the papers it submitted, credited to a placeholder name, and replies to
     * its comments, whose text is gone. The only admin cannot leave: the service would have none.
     */
    public void deleteAccount(User u, String password, String ip) {
        confirmPassword(u, password, ip);
        erase(u);
    }

    /** A signed-in account's password, checked like a log-in, limits included: a stolen session cannot guess it. */
    private void confirmPassword(User u, String password, String ip) {
        limits.login(ip, u.username());
        String stored = users.passwordHash(u.id()).orElse("");
        if (password == null || !hasher.verify(password, stored)) throw CommunityException.forbidden("The password is wrong.");
    }

    /**
     * Starts an address change: the password confirms the request, and a link mailed to the new
     * address confirms the address. A new address that already has an account gets the same answer,
     * and its owner a reminder, so the form tells nobody which addresses have accounts.
     */
    public void requestEmailChange(User u, String password, String newEmail, String ip) {
        confirmPassword(u, password, ip);
        String address = newEmail == null ? "" : newEmail.strip();
        checkAddress(address);
        limits.mail(ip, u.email());
        Optional<User> owner = users.byEmail(address);
        if (owner.isPresent()) {
            if (owner.get().id() != u.id()) send(mails.alreadyRegistered(owner.get()), owner.get());
            return;
        }
        String token = secrets.newSecret("");
        long now = clock.millis();
        emailTokens.createEmailChange(Secrets.digest(token), u.id(), address, now, now + EMAIL_CHANGE_LINK_LIFETIME.toMillis());
        send(mails.newAddress(u, address, token), u);
    }

    public boolean emailChangeTokenValid(String token) {
        return token != null && emailTokens.valid(Secrets.digest(token), EmailTokenRepository.EMAIL, clock.millis());
    }

    /** Makes the confirmed address the account's (and verified); the old address is told. */
    public User confirmEmailChange(String token) {
        EmailTokenRepository.EmailChange change = emailTokens.consumeEmailChange(Secrets.digest(token == null ? "" : token), clock.millis())
                .orElseThrow(() -> CommunityException.invalid("This confirmation link is invalid, used or expired. Ask for a new one on your account page."));
        User before = users.byId(change.userId()).orElseThrow();
        try {
            users.setEmail(change.userId(), change.newEmail(), clock.millis());
        } catch (RuntimeException e) {
            // the address found an owner since the link was sent
            throw new CommunityException(CommunityException.Reason.CONFLICT, "That address now belongs to another account.");
        }
        send(mails.addressChanged(before, change.newEmail()), before);
        LOG.info("e-mail address of user {} changed", before.id());
        return users.byId(change.userId()).orElseThrow();
    }

    /** The deletion itself, also run from the shell when someone asks the operator by mail. */
    public void erase(User u) {
        if (u.admin() && users.list().stream().filter(User::admin).count() == 1) {
            throw CommunityException.forbidden(u.username() + " is the only admin: make another account admin first (paperboy user grant-admin NAME).");
        }
        eraser.eraseUser(u.id(), clock.millis());
        LOG.info("account deleted: user {}", u.id());
    }

    /** Mails a reset link when the address has an account; says nothing either way. */
    public void requestReset(String email, String ip) {
        String address = email == null ? "" : email.strip();
        limits.mail(ip, address);
        Optional<User> u = users.byEmail(address);
        if (u.isEmpty() || u.get().banned()) return;
        send(mails.reset(u.get(), resetLink(u.get())), u.get());
    }

    /** A single-use reset link (also printed by `paperboy user reset-password`). */
    public String resetLink(User u) {
        return mails.resetLink(newEmailToken(u, EmailTokenRepository.RESET, RESET_LINK_LIFETIME));
    }

    public boolean resetTokenValid(String token) {
        return token != null && emailTokens.valid(Secrets.digest(token), EmailTokenRepository.RESET, clock.millis());
    }

    /** Sets a new password from a reset link; every session ends. A reset also proves the address. */
    public User resetPassword(String token, String next) {
        String hash = Secrets.digest(token == null ? "" : token);
        long pending = emailTokens.pendingUser(hash, EmailTokenRepository.RESET, clock.millis()).orElseThrow(
                () -> CommunityException.invalid("This reset link is invalid, used or expired. Ask for a new one."));
        // checked before the link is used up, so a too-short password does not cost the link
        checkPassword(next, users.byId(pending).orElseThrow().username());
        long userId = emailTokens.consume(hash, EmailTokenRepository.RESET, clock.millis()).orElseThrow(
                () -> CommunityException.invalid("This reset link was just used."));
        User u = users.byId(userId).orElseThrow();
        users.setPassword(userId, hasher.hash(next));
        if (!u.verified()) users.setVerified(userId, clock.millis());
        sessions.deleteAllOf(userId);
        return users.byId(userId).orElseThrow();
    }

    /** Sets a password from the shell; every session ends. */
    public void setPassword(User u, String password) {
        checkPassword(password, u.username());
        users.setPassword(u.id(), hasher.hash(password));
        sessions.deleteAllOf(u.id());
    }

    /** Deletes expired sessions and mail links; returns how many rows went. */
    public int purgeExpired() {
        long now = clock.millis();
        return sessions.purgeExpired(now) + emailTokens.purgeExpired(now);
    }

    public Optional<User> byUsername(String username) {
        return users.byUsername(username);
    }

    public User require(String username) {
        return users.byUsername(username).orElseThrow(() -> CommunityException.notFound("There is no user " + username + "."));
    }

    public List<User> list() {
        return users.list();
    }

    /** Whether the profile shows this account's upvoted papers to everyone (private by default). */
    public User setVotesPublic(User u, boolean visible) {
        users.setVotesPublic(u.id(), visible);
        return users.byId(u.id()).orElseThrow();
    }

    private String newEmailToken(User u, String purpose, Duration lifetime) {
        String token = secrets.newSecret("");
        long now = clock.millis();
        emailTokens.create(Secrets.digest(token), u.id(), purpose, now, now + lifetime.toMillis());
        return token;
    }

    private boolean send(Mail m, User u) {
        try {
            mail.send(m);
            return true;
        } catch (MailDeliveryException e) {
            LOG.warn("mail to user {} failed ({}): {}", u.id(), e.permanent() ? "permanent" : "temporary", e.getMessage());
            return false;
        }
    }
}
