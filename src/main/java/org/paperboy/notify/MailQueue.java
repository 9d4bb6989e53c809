package org.paperboy.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.paperboy.mail.Mail;
import org.paperboy.mail.MailTransport;
import org.paperboy.store.Database;

/**
 * The account mails' outbox (table {@code mail_queue}). As a {@link MailTransport} it "sends" by
 * queueing the rendered mail in the database, so the request that asked for it answers at once
 * and loses nothing if its node dies; {@link MailQueueSender} delivers the rows, once each, from
 * whichever node claims them.
 */
public final class MailQueue implements MailTransport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    /** A claimed row, ready to hand to the transport. */
    record Row(long id, Mail mail, int attempts) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final String mailDomain;
    private final SecureRandom random = new SecureRandom();
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();
    private volatile Runnable onQueued = () -> { };

    public MailQueue(Database db, Clock clock, String mailFrom) {
        this.jdbi = db.jdbi();
        this.clock = clock;
        String domain = mailFrom.replaceAll("^.*@", "").replaceAll("[>\\s].*$", "");
        this.mailDomain = domain.isEmpty() ? "paperboy.invalid" : domain;
    }

    private String sql(String name) {
        return sql.locate(MailQueue.class, name);
    }

    /** Called after each queued mail (the local sender wakes up instead of waiting for its next poll). */
    public void onQueued(Runnable r) {
        this.onQueued = r;
    }

    @Override
    public void send(Mail mail) {
        String messageId = mail.messageId() != null ? mail.messageId() : newMessageId();
        long now = clock.millis();
        jdbi.useHandle(h -> h.createUpdate(sql("enqueue")).bind("recipient", mail.to()).bind("subject", mail.subject())
                .bind("text", mail.text()).bind("html", mail.html()).bind("headers", json(mail.headers()))
                .bind("messageId", messageId).bind("now", now).execute());
        onQueued.run();
    }

    @Override
    public String describe() {
        return "the account mail queue in the database";
    }

    private String newMessageId() {
        byte[] b = new byte[9];
        random.nextBytes(b);
        return "<account." + HexFormat.of().formatHex(b) + "@" + mailDomain + ">";
    }

    List<Long> due(long now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("due")).bind("now", now).bind("limit", limit).mapTo(Long.class).list());
    }

    /** The row, if this sender won it; empty when another sender (thread or node) took it first. */
    Optional<Row> claim(long id, String node, long now) {
        return jdbi.withHandle(h -> {
            if (h.createUpdate(sql("claim")).bind("id", id).bind("node", node).bind("now", now).execute() != 1) return Optional.empty();
            return h.createQuery(sql("find")).bind("id", id).bind("node", node).map((rs, ctx) -> new Row(rs.getLong("id"),
                    new Mail(rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                            headers(rs.getString("headers")), rs.getString("message_id")), rs.getInt("attempts"))).findOne();
        });
    }

    void markSent(long id, String node, long now) {
        jdbi.useHandle(h -> h.createUpdate(sql("mark_sent")).bind("id", id).bind("node", node).bind("now", now).execute());
    }

    void markRetry(long id, String node, int attempts, long nextAttemptAt, String error) {
        jdbi.useHandle(h -> h.createUpdate(sql("mark_retry")).bind("id", id).bind("node", node).bind("attempts", attempts)
                .bind("nextAttemptAt", nextAttemptAt).bind("error", error).execute());
    }

    void markFailed(long id, String node, int attempts, String error) {
        jdbi.useHandle(h -> h.createUpdate(sql("mark_failed")).bind("id", id).bind("node", node).bind("attempts", attempts)
                .bind("error", error).execute());
    }

    int releaseStale(long olderThan) {
        return jdbi.withHandle(h -> h.createUpdate(sql("release_stale")).bind("olderThan", olderThan).execute());
    }

    /** Mails waiting (queued or being sent) and when the oldest of them was queued (epoch ms, 0 when none). */
    public record Depth(long waiting, long oldestQueuedAt) {}

    public Depth depth() {
        return jdbi.withHandle(h -> h.createQuery(sql("depth"))
                .map((rs, ctx) -> new Depth(rs.getLong("n"), rs.getLong("oldest"))).one());
    }

    private static String json(Map<String, String> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> headers(String json) {
        try {
            return JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mail_queue.headers is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
