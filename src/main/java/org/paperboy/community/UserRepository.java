package org.paperboy.community;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

/** The users table. Names and addresses are unique ignoring case (the *_key columns). */
public final class UserRepository {
    private final Jdbi jdbi;

    public UserRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private static String sql(String name) {
        return Sql.of(UserRepository.class, name);
    }

    public static String key(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Inserts an account; the very first one becomes admin. Returns the new id. The accounts
     * counter is locked first, so the insert's "is this the first?" sees every earlier sign-up.
     */
    public long insert(String username, String email, String passwordHash, Long verifiedAt, long now) {
        return jdbi.inTransaction(h -> {
            h.createUpdate(sql("lock_accounts")).execute();
            return h.createQuery(sql("insert"))
                    .bind("username", username).bind("usernameKey", key(username))
                    .bind("email", email).bind("emailKey", key(email))
                    .bind("hash", passwordHash).bind("verifiedAt", verifiedAt).bind("now", now)
                    .mapTo(Long.class).one();
        });
    }

    public Optional<User> byId(long id) {
        return jdbi.withHandle(h -> h.createQuery(sql("by_id")).bind("id", id).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<User> byUsername(String username) {
        return jdbi.withHandle(h -> h.createQuery(sql("by_username")).bind("key", key(username)).map((rs, ctx) -> map(rs)).findOne());
    }

    public Optional<User> byEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery(sql("by_email")).bind("key", key(email)).map((rs, ctx) -> map(rs)).findOne());
    }

    /** The stored password hash, for log-in. */
    public Optional<String> passwordHash(long id) {
        return jdbi.withHandle(h -> h.createQuery(sql("password_hash")).bind("id", id).mapTo(String.class).findOne());
    }

    public List<User> list() {
        return jdbi.withHandle(h -> h.createQuery(sql("list")).map((rs, ctx) -> map(rs)).list());
    }

    /** A confirmed new address: it is also verified. Fails when another account holds the address. */
    public void setEmail(long id, String email, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("set_email")).bind("id", id).bind("email", email).bind("emailKey", key(email))
                .bind("now", now).execute());
    }

    public void setPassword(long id, String hash) {
        update("set_password", id, "hash", hash, String.class);
    }

    public void setAdmin(Handle h, long id, boolean admin) {
        update(h, "set_admin", id, "admin", admin ? 1 : 0, Integer.class);
    }

    public void setVerified(long id, Long at) {
        update("set_verified", id, "at", at, Long.class);
    }

    public void setVotesPublic(long id, boolean visible) {
        update("set_votes_public", id, "public", visible ? 1 : 0, Integer.class);
    }

    /** Null un-bans. */
    public void setBanned(long id, Long at) {
        jdbi.useHandle(h -> setBanned(h, id, at));
    }

    public void setBanned(Handle h, long id, Long at) {
        update(h, "set_banned", id, "at", at, Long.class);
    }

    /** Typed binding, so that a null reaches PostgreSQL as a BIGINT rather than an untyped value. */
    private <T> void update(String name, long id, String param, T value, Class<T> type) {
        jdbi.useHandle(h -> update(h, name, id, param, value, type));
    }

    private static <T> void update(Handle h, String name, long id, String param, T value, Class<T> type) {
        h.createUpdate(sql(name)).bind("id", id).bindByType(param, value, type).execute();
    }

    static User map(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"), rs.getInt("is_admin") == 1,
                nullableLong(rs, "verified_at"), nullableLong(rs, "banned_at"), rs.getLong("created_at"),
                rs.getInt("votes_public") == 1);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
