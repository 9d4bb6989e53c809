package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The recommendation benchmark: each reader's likes are their only signals (saves); on every day
 * one of their later papers was first listed, all papers first listed that day are ranked with
 * {@link Ranker}, the same code as the For-you page. Later papers are read only to pick the days
 * and to score the ranking, never by the ranking.
 */
public final class RecsEval {
    public static final int CUTOFF = 10;

    public record Reader(String id, List<String> likes, List<String> later) {}

    public record Ranked(String reader, LocalDate day, List<Ranker.Scored> ranking) {}

    public record Metrics(double ndcg10, double mrr10, int events, int readers) {}

    public enum Mode { MODEL, CENTROID }

    private final Catalog catalog;
    private final Ranker ranker;
    private final Mode mode;

    public RecsEval(Catalog catalog, Ranker ranker, Mode mode) {
        this.catalog = catalog;
        this.ranker = ranker;
        this.mode = mode;
    }

    /** Runs every reader (in parallel on {@code threads}); each ranked event goes to {@code out} in reader order. */
    public Metrics run(List<Reader> readers, int threads, Consumer<Ranked> out, IntConsumer progress) {
        List<List<Ranked>> results = new ArrayList<>(readers.size());
        for (int i = 0; i < readers.size(); i++) results.add(null);
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, threads); t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < readers.size(); i = next.getAndIncrement()) {
                    results.set(i, events(readers.get(i)));
                    progress.accept(1);
                }
            }));
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        double ndcg = 0, mrr = 0;
        int events = 0, scoredReaders = 0;
        for (int i = 0; i < readers.size(); i++) {
            List<Ranked> rs = results.get(i);
            if (!rs.isEmpty()) scoredReaders++;
            Set<String> relevant = new HashSet<>(readers.get(i).later());
            for (Ranked r : rs) {
                out.accept(r);
                List<String> ids = r.ranking().stream().map(Ranker.Scored::id).toList();
                ndcg += ndcg(ids, relevant, CUTOFF);
                mrr += mrr(ids, relevant, CUTOFF);
                events++;
            }
        }
        return events == 0 ? new Metrics(0, 0, 0, 0) : new Metrics(ndcg / events, mrr / events, events, scoredReaders);
    }

    /** One reader's ranked days. */
    List<Ranked> events(Reader reader) {
        List<Signal> signals = reader.likes().stream().map(id -> new Signal(id, Signal.Kind.SAVED)).toList();
        // without negatives the ranker keeps only the centroid of the likes: the baseline
        ReaderModel model = ranker.train(signals, mode == Mode.CENTROID ? List.of() : catalog.passedOver(signals));
        List<Ranked> out = new ArrayList<>();
        for (LocalDate day : eventDays(reader)) out.add(new Ranked(reader.id(), day, ranker.rank(model, catalog.listedOn(day))));
        return out;
    }

    private Collection<LocalDate> eventDays(Reader reader) {
        Set<LocalDate> days = new TreeSet<>();
        for (String id : reader.later()) {
            Item item = catalog.item(id);
            if (item != null && item.day() != null) days.add(item.day());
        }
        return days;
    }

    /** Binary-gain nDCG at {@code k}; the ideal ranking puts min(relevant, k) hits first. */
    public static double ndcg(List<String> ranking, Set<String> relevant, int k) {
        double dcg = 0;
        int hitsInList = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) dcg += 1 / log2(i + 2);
        }
        for (String id : ranking) if (relevant.contains(id)) hitsInList++;
        double ideal = 0;
        for (int i = 0; i < Math.min(k, hitsInList); i++) ideal += 1 / log2(i + 2);
        return ideal == 0 ? 0 : dcg / ideal;
    }

    public static double mrr(List<String> ranking, Set<String> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) if (relevant.contains(ranking.get(i))) return 1.0 / (i + 1);
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** The run file's lines for one ranked event: {@code READER:DAY Q0 PAPER RANK SCORE TAG}. */
    public static List<String> trecLines(Ranked r, String tag) {
        List<String> lines = new ArrayList<>(r.ranking().size());
        int rank = 1;
        for (Ranker.Scored s : r.ranking()) {
            lines.add(r.reader() + ":" + r.day() + " Q0 " + s.id() + " " + rank++ + " " + String.format(Locale.ROOT, "%.6f", s.score()) + " " + tag);
        }
        return lines;
    }
}
