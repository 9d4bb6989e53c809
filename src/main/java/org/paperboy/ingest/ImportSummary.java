package org.paperboy.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.paperboy.store.UpsertResult;

/**
 * What an import did: papers new / updated / unchanged, and the rejected records with counts
 * per reason and the first {@link #KEPT} of them in full (file, position, reason).
 */
public final class ImportSummary {
    public static final int KEPT = 1000;

    private UpsertResult written = UpsertResult.NONE;
    private long rejected;
    private int withdrawn;
    private final Map<String, Long> perReason = new TreeMap<>();
    private final List<Rejection> firstRejections = new ArrayList<>();
    private final List<Rejection> truncations = new ArrayList<>();
    private Duration elapsed = Duration.ZERO;

    synchronized void add(UpsertResult r) {
        written = written.plus(r);
    }

    synchronized void reject(Rejection r) {
        rejected++;
        perReason.merge(r.reason(), 1L, Long::sum);
        if (firstRejections.size() < KEPT) firstRejections.add(r);
        if (r.truncation()) truncations.add(r);
    }

    synchronized void withdrew(int papers) {
        withdrawn += papers;
    }

    /** Papers arXiv deleted that were in the catalog, now hidden from the feed. */
    public synchronized int withdrawn() {
        return withdrawn;
    }

    public synchronized void elapsed(Duration d) {
        elapsed = d;
    }

    public synchronized int inserted() {
        return written.inserted();
    }

    public synchronized int updated() {
        return written.updated();
    }

    public synchronized int unchanged() {
        return written.unchanged();
    }

    public synchronized long rejected() {
        return rejected;
    }

    public synchronized Map<String, Long> rejectedPerReason() {
        return Map.copyOf(perReason);
    }

    public synchronized List<Rejection> firstRejections() {
        return List.copyOf(firstRejections);
    }

    public synchronized long papers() {
        return written.total();
    }

    /** Papers read and written per second of the import. */
    public synchronized double rate() {
        double s = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return written.total() / s;
    }

    /** The summary a person reads after an import: totals, then counts per reason, then the first {@code shown} rejections. */
    public synchronized String report(int shown) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%,d papers in %.1f s (%,.0f papers/s): %,d new, %,d updated, %,d unchanged, %,d rejected%n",
                written.total(), elapsed.toNanos() / 1e9, rate(), written.inserted(), written.updated(), written.unchanged(), rejected));
        if (withdrawn > 0) s.append(String.format("%,d withdrawn by arXiv: hidden from the feed%n", withdrawn));
        perReason.forEach((reason, n) -> s.append(String.format("  %,8d  %s%n", n, reason)));
        List<Rejection> show = firstRejections.subList(0, Math.min(shown, firstRejections.size()));
        for (Rejection r : show) s.append("  rejected: ").append(r).append('\n');
        if (rejected > show.size()) s.append(String.format("  ... and %,d more rejected%n", rejected - show.size()));
        for (Rejection t : truncations) if (!show.contains(t)) s.append("  ").append(t).append('\n');
        return s.toString();
    }
}
