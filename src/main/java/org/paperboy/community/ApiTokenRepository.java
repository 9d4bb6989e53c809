package org.paperboy.community;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.paperboy.store.Database;
import org.paperboy.store.Sql;

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

    /** A token as its owner sees it in the list: never the secret, which is not stored. */
    public record TokenInfo(long id, String name, long createdAt) {}

    public List<TokenInfo> listFor(long userId) {
        return jdbi.withHandle(h -> h.createQuery(sql("list")).bind("userId", userId)
                .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getLong("created_at"))).list());
    }

    /** Only the owner's own token; false when there is no such token of theirs. */
    public boolean revoke(long id, long userId) {
        return jdbi.withHandle(h -> h.createUpdate(sql("delete")).bind("id", id).bind("userId", userId).execute()) == 1;
    }

}
