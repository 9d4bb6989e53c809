package org.paperboy.community;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/**
 * Server-side sessions, keyed by the SHA-256 of the cookie's value. A session belongs to a user
 * only while that user is not banned: the lookup joins on it, so a ban takes effect at once.
 */
public final class SessionRepository {
    private final Jdbi jdbi;

    public SessionRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private static String sql(String name) {
        return Sql.of(SessionRepository.class, name);
    }

    public void create(String idHash, long userId, long now, long expiresAt) {
        jdbi.useHandle(h -> h.createUpdate(sql("insert")).bind("idHash", idHash).bind("userId", userId)
                .bind("now", now).bind("expiresAt", expiresAt).execute());
    }

    /** The live, unbanned user of a session. */
    public Optional<User> user(String idHash, long now) {
        return jdbi.withHandle(h -> h.createQuery(sql("user")).bind("idHash", idHash).bind("now", now)
                .map((rs, ctx) -> UserRepository.map(rs)).findOne());
    }

    public void delete(String idHash) {
        jdbi.useHandle(h -> h.createUpdate(sql("delete")).bind("idHash", idHash).execute());
    }

    /** Ends every session of a user (password change, reset, ban). */
    public int deleteAllOf(long userId) {
        return jdbi.withHandle(h -> deleteAllOf(h, userId));
    }

    public int deleteAllOf(Handle h, long userId) {
        return h.createUpdate(sql("delete_user")).bind("userId", userId).execute();
    }

    public int purgeExpired(long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("purge")).bind("now", now).execute());
    }
}
