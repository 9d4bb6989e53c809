package org.paperboy.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.paperboy.store.Database;

/**
 * The outbox: one row per (subscriber, mail key), unique, so composing twice is harmless. A row
 * moves queued → sending (claimed by one sender) → sent | queued again (retry) | failed | skipped.
 */
public final class OutboxRepository {

    private final Jdbi jdbi;
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    public OutboxRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private String sql(String name) {
        return sql.locate(OutboxRepository.class, name);
    }

    /** Queues one mail unless that (subscriber, key) is queued already; true when this call queued it. */
    public boolean enqueue(Handle h, long subscriptionId, String mailKey, Long runId, String payload, String messageId, long now) {
        return h.createUpdate(sql("enqueue")).bind("subscriptionId", subscriptionId).bind("mailKey", mailKey)
                .bind("runId", runId).bind("payload", payload).bind("messageId", messageId).bind("now", now).execute() == 1;
    }

    /** Queues a digest for a page of subscribers; returns how many rows are new. */
    public int enqueueAll(long runId, String mailKey, List<Long> subscriptionIds, LongFunction<String> messageId, long now) {
        if (subscriptionIds.isEmpty()) return 0;
        return jdbi.inTransaction(h -> {
            PreparedBatch b = h.prepareBatch(sql("enqueue"));
            for (long id : subscriptionIds) {
                b.bind("subscriptionId", id).bind("mailKey", mailKey).bind("runId", runId).bindNull("payload", Types.VARCHAR)
                        .bind("messageId", messageId.apply(id)).bind("now", now).add();
            }
            int inserted = 0;
            for (int n : b.execute()) inserted += Math.max(n, 0);
            return inserted;
        });
    }

    public List<Long> due(long now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("due")).bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    /**
     * Claims a batch in one statement and returns the rows this sender now owns, with their
     * subscribers; rows another sender took first are simply absent.
     */
    public List<OutboxRow> claimAll(List<Long> ids, String node, long now) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> {
            h.createUpdate(sql("claim_all")).bindList("ids", ids).bind("node", node).bind("now", now).execute();
            return h.createQuery(sql("find_claimed")).bindList("ids", ids).bind("node", node).map(OutboxRepository::row).list();
        });
    }

    private static OutboxRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        long run = rs.getLong("run_id");
        Long runId = rs.wasNull() ? null : run;
        return new OutboxRow(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("mail_key"), runId,
                rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), rs.getString("message_id"),
                rs.getString("email"), Frequency.parse(rs.getString("frequency")).orElseThrow(),
                SubscriptionStatus.of(rs.getString("subscription_status")), rs.getInt("hard_bounces"),
                rs.getString("confirm_hash"));
    }

    public boolean markSent(long id, String node, long now) {
        return jdbi.withHandle(h -> h.createUpdate(sql("mark_sent")).bind("id", id).bind("node", node).bind("now", now).execute() == 1);
    }

    public void markRetry(long id, String node, int attempts, long nextAttemptAt, String error) {
        jdbi.useHandle(h -> h.createUpdate(sql("mark_retry")).bind("id", id).bind("node", node).bind("attempts", attempts)
                .bind("nextAttemptAt", nextAttemptAt).bind("error", error).execute());
    }

    /** Ends a row as {@code failed} or {@code skipped}. */
    public void markFinal(long id, String node, String status, int attempts, String error, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("mark_final")).bind("id", id).bind("node", node).bind("status", status)
                .bind("attempts", attempts).bind("error", error).bind("now", now).execute());
    }

    /** Gives back rows this sender claimed and did not send. */
    public void release(List<Long> ids, String node) {
        if (ids.isEmpty()) return;
        jdbi.useHandle(h -> h.createUpdate(sql("release")).bindList("ids", ids).bind("node", node).execute());
    }

    /** Requeues rows claimed before {@code olderThan} by a sender that never recorded a result. */
    public int releaseStale(long olderThan) {
        return jdbi.withHandle(h -> h.createUpdate(sql("release_stale")).bind("olderThan", olderThan).execute());
    }

    /** Rows per status of each of these digest runs, in one query. */
    public Map<Long, Map<String, Integer>> countByRun(List<Long> runIds) {
        Map<Long, Map<String, Integer>> m = new HashMap<>();
        if (runIds.isEmpty()) return m;
        jdbi.useHandle(h -> h.createQuery(sql("count_by_run")).bindList("runIds", runIds)
                .map((rs, ctx) -> new Object[] {rs.getLong("run_id"), rs.getString("status"), rs.getInt("n")})
                .forEach(r -> m.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (Integer) r[2])));
        return m;
    }

    /** Confirmation mails per status. */
    public Map<String, Integer> countConfirmations() {
        Map<String, Integer> m = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("count_confirmations"))
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n"))).forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    /** Mails sent and failed per UTC day since {@code from} (epoch ms), oldest first. */
    public List<DeliveryDay> perDay(long from) {
        Map<Long, int[]> days = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("per_day")).bind("from", from).map((rs, ctx) -> {
            int[] c = days.computeIfAbsent(rs.getLong("epoch_day"), k -> new int[2]);
            c["sent".equals(rs.getString("status")) ? 0 : 1] += rs.getInt("n");
            return null;
        }).list());
        return days.entrySet().stream()
                .map(e -> new DeliveryDay(LocalDate.ofEpochDay(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
    }

    /** Digest and confirmation mails waiting (queued or being sent) and when the oldest was queued, for /metrics. */
    public MailQueue.Depth depth() {
        return jdbi.withHandle(h -> h.createQuery(sql("depth"))
                .map((rs, ctx) -> new MailQueue.Depth(rs.getLong("n"), rs.getLong("oldest"))).one());
    }

    /** When the earliest queued row is due, if any is queued. */
    public Optional<Long> nextDue() {
        return jdbi.withHandle(h -> h.createQuery(sql("next_due")).mapTo(Long.class).findOne());
    }

    /** Rows in the 'sending' state and the oldest claim among them (null when there is none). */
    public record Claimed(int rows, Long oldestClaimAt) {}

    public Claimed claimed() {
        return jdbi.withHandle(h -> h.createQuery(sql("claimed"))
                .map((rs, ctx) -> new Claimed(rs.getInt("n"), rs.getObject("oldest") == null ? null : rs.getLong("oldest"))).one());
    }
}
