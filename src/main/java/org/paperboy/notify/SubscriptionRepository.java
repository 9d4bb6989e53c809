package org.paperboy.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.paperboy.store.Database;

/** The subscriptions table and its saved searches. Times are epoch milliseconds. */
public final class SubscriptionRepository {

    /** A pending confirmation found by its token's hash. */
    public record PendingConfirmation(long id, long expiresAt) {}

    private final Jdbi jdbi;
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    public SubscriptionRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private String sql(String name) {
        return sql.locate(SubscriptionRepository.class, name);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A new pending subscription, or empty when the address is known already. */
    public Optional<Long> insertPending(Handle h, String email, Frequency f, String confirmHash, long expiresAt, long now) {
        return h.createQuery(sql("insert_pending")).bind("email", email).bind("frequency", f.key())
                .bind("confirmHash", confirmHash).bind("expiresAt", expiresAt).bind("now", now)
                .mapTo(Long.class).findOne();
    }

    /** Starts a new confirmation for a known, unconfirmed address unless one was sent since {@code windowStart}. */
    public boolean restartConfirmation(Handle h, long id, Frequency f, String confirmHash, long expiresAt, long now, long windowStart) {
        return h.createUpdate(sql("restart_confirmation")).bind("id", id).bind("frequency", f.key())
                .bind("confirmHash", confirmHash).bind("expiresAt", expiresAt).bind("now", now)
                .bind("windowStart", windowStart).execute() == 1;
    }

    public void replaceTopics(Handle h, long id, List<String> topics) {
        h.createUpdate(sql("delete_topics")).bind("id", id).execute();
        if (topics.isEmpty()) return;
        PreparedBatch b = h.prepareBatch(sql("insert_topic"));
        for (int i = 0; i < topics.size(); i++) b.bind("id", id).bind("position", i).bind("query", topics.get(i)).add();
        b.execute();
    }

    /** Without topics, inside a caller's transaction. */
    public Optional<Subscription> findByEmail(Handle h, String email) {
        return h.createQuery(sql("find_by_email")).bind("email", email).map(SubscriptionRepository::row).findOne();
    }

    public Optional<Subscription> findByEmail(String email) {
        return jdbi.withHandle(h -> withTopics(h, h.createQuery(sql("find_by_email")).bind("email", email)
                .map(SubscriptionRepository::row).findOne()));
    }

    public Optional<Subscription> find(long id) {
        return jdbi.withHandle(h -> withTopics(h, h.createQuery(sql("find")).bind("id", id)
                .map(SubscriptionRepository::row).findOne()));
    }

    /** The first confirmed subscriber of a frequency, whom the admin preview shows the digest as. */
    public Optional<Subscription> firstConfirmed(Frequency f) {
        return jdbi.withHandle(h -> withTopics(h, h.createQuery(sql("first_confirmed")).bind("frequency", f.key())
                .map(SubscriptionRepository::row).findOne()));
    }

    /** Subscriptions with their topics, keyed by id; unknown ids are absent. */
    public Map<Long, Subscription> findMany(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            Map<Long, List<String>> topics = new HashMap<>();
            h.createQuery(sql("topics_of_many")).bindList("ids", List.copyOf(ids))
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> topics.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            Map<Long, Subscription> out = new LinkedHashMap<>();
            h.createQuery(sql("find_many"))
                    .bindList("ids", List.copyOf(ids)).map(SubscriptionRepository::row)
                    .forEach(s -> out.put(s.id(), withTopicList(s, topics.getOrDefault(s.id(), List.of()))));
            return out;
        });
    }

    public Optional<PendingConfirmation> findConfirmation(String confirmHash) {
        return jdbi.withHandle(h -> h.createQuery(sql("find_confirmation")).bind("confirmHash", confirmHash)
                .map((rs, ctx) -> new PendingConfirmation(rs.getLong("id"), rs.getLong("confirm_expires_at"))).findOne());
    }

    /** Confirms and burns the token in one statement; false when someone used it first. */
    public boolean confirm(long id, String confirmHash, long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("confirm")).bind("id", id).bind("confirmHash", confirmHash)
                .bind("now", now).execute() == 1);
    }

    /** True when this call unsubscribed it; false when it was unsubscribed already (or unknown). */
    public boolean unsubscribe(long id, long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("unsubscribe")).bind("id", id).bind("now", now).execute() == 1);
    }

    public void updateSettings(long id, Frequency f, List<String> topics, long now) {
        jdbi.useTransaction(h -> {
            h.createUpdate(sql("update_frequency")).bind("id", id).bind("frequency", f.key()).bind("now", now).execute();
            replaceTopics(h, id, topics);
        });
    }

    /** Counts a permanent failure; the address is disabled when it reaches {@code limit}. */
    public void recordHardBounce(long id, int limit, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("hard_bounce")).bind("id", id).bind("limit", limit).bind("now", now).execute());
    }

    /** A delivery succeeded, so earlier bounces were not the address's fault for good. */
    public void resetBounces(long id) {
        jdbi.useHandle(h -> h.createUpdate(sql("reset_bounces")).bind("id", id).execute());
    }

    /** Ids of confirmed subscribers of a frequency after {@code afterId}, in id order: one page. */
    public List<Long> confirmedPage(Frequency f, long afterId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("confirmed_page")).bind("frequency", f.key())
                .bind("afterId", afterId).bind("limit", limit).mapTo(Long.class).list());
    }

    /** "status/frequency" → count, for the admin page and logs. */
    public Map<String, Integer> countByStatus() {
        Map<String, Integer> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("count_by_status"))
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3)))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    private Optional<Subscription> withTopics(Handle h, Optional<Subscription> s) {
        if (s.isEmpty()) return s;
        List<String> topics = h.createQuery(sql("topics")).bind("id", s.get().id()).mapTo(String.class).list();
        return Optional.of(withTopicList(s.get(), topics));
    }

    private static Subscription withTopicList(Subscription s, List<String> topics) {
        return new Subscription(s.id(), s.email(), s.frequency(), s.status(), topics, s.hardBounces());
    }

    private static Subscription row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("email"),
                Frequency.parse(rs.getString("frequency")).orElseThrow(), SubscriptionStatus.of(rs.getString("status")),
                List.of(), rs.getInt("hard_bounces"));
    }
}
