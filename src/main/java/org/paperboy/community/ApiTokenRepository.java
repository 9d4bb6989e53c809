package org.paperboy.community;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;

/** Personal API tokens, stored as SHA-256 digests. */
public final class ApiTokenRepository {
    private final Jdbi jdbi;

    public ApiTokenRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private static String sql(String name) {
        return Sql.of(ApiTokenRepository.class, name);
    }

    public void create(String tokenHash, long userId, String name, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("insert")).bind("hash", tokenHash).bind("userId", userId)
                .bind("name", name).bind("now", now).execute());
    }

    /** The unbanned owner of a token. */
    public Optional<User> user(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery(sql("user")).bind("hash", tokenHash)
                .map((rs, ctx) -> UserRepository.map(rs)).findOne());
    }

    public int revokeAllOf(long userId) {
        return jdbi.withHandle(h -> h.createUpdate(sql("delete_user")).bind("userId", userId).execute());
    }
}
