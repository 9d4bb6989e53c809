package org.paperboy.community;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/** Links sent by mail (verify an address, reset a password, change the address): hashed, expiring, single use. */
public final class EmailTokenRepository {
    public static final String VERIFY = "verify";
    public static final String RESET = "reset";
    public static final String EMAIL = "email";

    /** A confirmed address change: whose, and to what. */
    public record EmailChange(long userId, String newEmail) {}

    private final Jdbi jdbi;

    public EmailTokenRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private static String sql(String name) {
        return Sql.of(EmailTokenRepository.class, name);
    }

    public void create(String tokenHash, long userId, String purpose, long now, long expiresAt) {
        jdbi.useHandle(h -> h.createUpdate(sql("insert")).bind("hash", tokenHash).bind("userId", userId)
                .bind("purpose", purpose).bind("now", now).bind("expiresAt", expiresAt).execute());
    }

    public void createEmailChange(String tokenHash, long userId, String newEmail, long now, long expiresAt) {
        jdbi.useHandle(h -> h.createUpdate(sql("insert_email_change")).bind("hash", tokenHash).bind("userId", userId)
                .bind("purpose", EMAIL).bind("newEmail", newEmail).bind("now", now).bind("expiresAt", expiresAt).execute());
    }

    /** Uses an address-change token, once, returning the change it carries. */
    public Optional<EmailChange> consumeEmailChange(String tokenHash, long now) {
        return jdbi.withHandle(h -> h.createQuery(sql("consume_email_change")).bind("hash", tokenHash).bind("purpose", EMAIL)
                .bind("now", now).map((rs, ctx) -> new EmailChange(rs.getLong("user_id"), rs.getString("new_email"))).findOne());
    }

    /** Whether the token is still usable, without using it (to show the form it leads to). */
    public boolean valid(String tokenHash, String purpose, long now) {
        return pendingUser(tokenHash, purpose, now).isPresent();
    }

    /** The user of a still-usable token. */
    public Optional<Long> pendingUser(String tokenHash, String purpose, long now) {
        return jdbi.withHandle(h -> h.createQuery(sql("valid")).bind("hash", tokenHash).bind("purpose", purpose)
                .bind("now", now).mapTo(Long.class).findOne());
    }

    /** Drops expired links (used or not); returns how many. */
    public int purgeExpired(long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("purge")).bind("now", now).execute());
    }

    /** Marks the token used and returns its user, in one statement, so it works exactly once. */
    public Optional<Long> consume(String tokenHash, String purpose, long now) {
        return jdbi.withHandle(h -> h.createQuery(sql("consume")).bind("hash", tokenHash).bind("purpose", purpose)
                .bind("now", now).mapTo(Long.class).findOne());
    }
}
