package org.paperboy.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.paperboy.store.Database;

/**
 * The paper_embeddings table: one float32 vector per (paper, model), with the hash of the text it
 * was computed from and a change sequence that index followers read, as they read the papers'.
 */
public final class EmbeddingStore {

    /** A paper whose text may need embedding: its stored vector is missing or was made from other text. */
    public record Pending(String arxivId, String text, long changeSeq, boolean needed) {}

    /** A vector ready to store. */
    public record Computed(String arxivId, String textHash, float[] vector) {}

    public record Change(String arxivId, long seq) {}

    private final Jdbi jdbi;
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    public EmbeddingStore(Database db) {
        this.jdbi = db.jdbi();
    }

    private String sql(String name) {
        return sql.locate(EmbeddingStore.class, name);
    }

    /** Papers written after {@code seq} (in change order), each saying whether it needs a new vector. */
    public List<Pending> pendingSince(String model, long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("pending")).bind("model", model).bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> {
                    String text = Embedder.documentText(rs.getString("title"), rs.getString("abstract"));
                    return new Pending(rs.getString("arxiv_id"), text, rs.getLong("change_seq"),
                            !textHash(text).equals(rs.getString("text_hash")));
                }).list());
    }

    public long countMissing(String model) {
        return jdbi.withHandle(h -> h.createQuery(sql("count_missing")).bind("model", model).mapTo(Long.class).one());
    }

    public void save(String model, List<Computed> vectors) {
        if (vectors.isEmpty()) return;
        jdbi.useTransaction(h -> {
            long seq = h.createQuery(sql("next_seq")).bind("n", vectors.size()).mapTo(Long.class).one() - vectors.size();
            PreparedBatch batch = h.prepareBatch(sql("save"));
            for (Computed c : vectors) {
                batch.bind("arxivId", c.arxivId()).bind("model", model).bind("textHash", c.textHash())
                        .bind("vector", toBytes(c.vector())).bind("seq", ++seq).add();
            }
            batch.execute();
        });
    }

    public Map<String, float[]> vectors(String model, Collection<String> ids) {
        Map<String, float[]> m = new HashMap<>();
        if (ids.isEmpty()) return m;
        jdbi.useHandle(h -> h.createQuery(sql("vectors")).bind("model", model).bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> Map.entry(rs.getString(1), fromBytes(rs.getBytes(2))))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    public List<Change> changedSince(String model, long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("changed_since")).bind("model", model).bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getString(1), rs.getLong(2))).list());
    }

    /** How far the background backfill got for this model: 0 when it never ran. */
    public long backfillCursor(String model) {
        return jdbi.withHandle(h -> h.createQuery(sql("backfill_cursor")).bind("name", "backfill:" + model).mapTo(Long.class).findOne()).orElse(0L);
    }

    public void saveBackfillCursor(String model, long seq) {
        jdbi.useHandle(h -> h.createUpdate(sql("save_backfill_cursor")).bind("name", "backfill:" + model).bind("value", seq).execute());
    }

    public long lastChangeSeq() {
        return jdbi.withHandle(h -> h.createQuery(sql("max_seq")).mapTo(Long.class).one());
    }

    public static String textHash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] toBytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }
}
