package org.paperboy.notify.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.paperboy.cli.ProgressBar;
import org.paperboy.community.UserRepository;
import org.paperboy.notify.DigestRun;
import org.paperboy.notify.PersonalPicks;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.recommend.DbCatalog;
import org.paperboy.recommend.DigestForYou;
import org.paperboy.recommend.ForYou;
import org.paperboy.recommend.SignalRepository;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/**
 * The digest benchmark's readers: a made-up catalog of {@link #DAYS} earlier days and the digest's
 * day, {@link #PER_DAY} papers each, written on {@link #TOPICS} topics; every subscriber is a
 * verified account that saved 20 to 50 papers of one topic from the earlier days, so each digest
 * carries a For-you section ranked from the day's papers by the For-you ranker.
 */
final class ForYouWorld {
    static final int DAYS = 20;
    static final int PER_DAY = 300;
    static final int TOPICS = 10;
    static final int MIN_SAVES = 20;
    static final int MAX_SAVES = 50;

    private final ForYou forYou;
    private PersonalPicks picks;
    private final int readers;
    private final AtomicInteger mails = new AtomicInteger();
    private final AtomicInteger sections = new AtomicInteger();
    private final AtomicLong pickNanos = new AtomicLong();
    private double trainSeconds;
    private long modelBytes;

    private ForYouWorld(ForYou forYou, int readers) {
        this.forYou = forYou;
        this.readers = readers;
    }

    static ForYouWorld build(Database db, PaperRepository papers, int readers, LocalDate day, long now) {
        Random r = new Random(42);
        List<List<String>> byTopic = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) byTopic.add(new ArrayList<>());
        for (int d = DAYS; d >= 0; d--) {
            LocalDate date = day.minusDays(d);
            List<Paper> list = new ArrayList<>();
            for (int j = 0; j < PER_DAY; j++) {
                int topic = r.nextInt(TOPICS);
                String id = String.format("2611.%05d", (DAYS - d) * 1000 + j + 1);
                list.add(paper(id, topic, date, r));
                if (d > 0) byTopic.get(topic).add(id);
            }
            papers.upsert(list, date, (a, b) -> b);
        }
        db.jdbi().useTransaction(h -> {
            PreparedBatch users = h.prepareBatch("INSERT INTO users (username, username_key, email, email_key, password_hash, is_admin, verified_at, created_at) "
                    + "VALUES (:name, :name, :email, :email, 'x', 0, :now, :now)");
            for (int i = 0; i < readers; i++) users.bind("name", "reader" + i).bind("email", "reader" + i + "@example.org").bind("now", now).add();
            users.execute();
            PreparedBatch saves = h.prepareBatch("INSERT INTO reader_papers (user_id, kind, arxiv_id, created_at) VALUES (:user, 'save', :id, :now) "
                    + "ON CONFLICT (user_id, kind, arxiv_id) DO NOTHING");
            for (int i = 1; i <= readers; i++) {
                List<String> pool = byTopic.get(i % TOPICS);
                int n = MIN_SAVES + r.nextInt(MAX_SAVES - MIN_SAVES + 1);
                for (int k = 0; k < n; k++) saves.bind("user", i).bind("id", pool.get(r.nextInt(pool.size()))).bind("now", now).add();
            }
            saves.execute();
        });
        ForYou forYou = new ForYou(new DbCatalog(papers), new SignalRepository(db));
        UserRepository users = new UserRepository(db);
        DigestForYou digest = new DigestForYou(forYou, papers,
                email -> users.byEmail(email).map(u -> OptionalLong.of(u.id())).orElse(OptionalLong.empty()));
        ForYouWorld world = new ForYouWorld(forYou, readers);
        world.picks = (email, run) -> world.count(digest, email, run);
        return world;
    }

    private PersonalPicks.Personal count(PersonalPicks inner, String email, DigestRun run) {
        long t0 = System.nanoTime();
        PersonalPicks.Personal p = inner.forSubscriber(email, run);
        pickNanos.addAndGet(System.nanoTime() - t0);
        mails.incrementAndGet();
        if (!p.picks().isEmpty()) sections.incrementAndGet();
        return p;
    }

    PersonalPicks picks() {
        return picks;
    }

    /**
     * Trains every reader's model before the digest, as serve does in the background whenever a
     * reader's signals change; timed apart from the digest, so both figures are visible.
     */
    void train(int threads) throws InterruptedException {
        long before = usedAfterGc();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ProgressBar bar = new ProgressBar("training", readers)) {
            for (long id = 1; id <= readers; id++) {
                long user = id;
                pool.submit(() -> {
                    forYou.hasEnoughSignals(user);
                    bar.step(1);
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
        }
        trainSeconds = (System.nanoTime() - t0) / 1e9;
        modelBytes = usedAfterGc() - before;
    }

    private static long usedAfterGc() {
        System.gc();
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    void report() {
        System.out.printf("reader models          %d trained before the digest in %.2f s = %.0f models/s (%d threads)%n", readers, trainSeconds,
                readers / trainSeconds, Runtime.getRuntime().availableProcessors());
        System.out.printf("models in memory       %d MiB after training (%d KiB a reader; the heap must hold them all)%n", modelBytes >> 20,
                modelBytes / Math.max(1, readers) >> 10);
        System.out.printf("For-you sections       %d of %d mails (catalog %d papers, %d on the digest's day), %.2f ms a mail to pick them (summed over workers)%n",
                sections.get(), mails.get(), (DAYS + 1) * PER_DAY, PER_DAY, pickNanos.get() / 1e6 / Math.max(1, mails.get()));
        forYou.close();
    }

    private static final String[] COMMON = {"we", "propose", "method", "results", "show", "model", "approach", "data", "performance",
        "paper", "novel", "framework", "experiments", "demonstrate", "based", "learning", "analysis", "study", "problem", "new"};

    private static Paper paper(String id, int topic, LocalDate day, Random r) {
        String title = text(topic, 7, 2, r);
        String abstractText = text(topic, 70, 30, r);
        String cat = "cs." + (char) ('A' + topic / 2) + "X";
        return new Paper(new ArxivId(id, 1), title, List.of(Author.named("Author " + r.nextInt(5000)), Author.named("Author " + r.nextInt(5000))),
                abstractText, cat, List.of(cat), null, null, null, null, day, null, List.of(new PaperVersion(1, day, null)), day,
                List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/example/" + id)), 0, 0);
    }

    /** Words of the topic's own vocabulary (120 made-up words), mixed with common ones. */
    private static String text(int topic, int words, int common, Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) b.append(' ');
            if (i < common) b.append(COMMON[r.nextInt(COMMON.length)]);
            else b.append(word(topic * 120 + (int) Math.min(119, Math.abs(r.nextGaussian()) * 40)));
        }
        return b.toString();
    }

    /** A pronounceable made-up word per number, so the stemmer keeps them apart. */
    private static String word(int n) {
        String consonants = "bdfgklmnprstvz", vowels = "aeiou";
        StringBuilder b = new StringBuilder();
        do {
            b.append(consonants.charAt(n % consonants.length()));
            n /= consonants.length();
            b.append(vowels.charAt(n % vowels.length()));
            n /= vowels.length();
        } while (n > 0);
        return b.append("x").toString();
    }
}
