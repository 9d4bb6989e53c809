package org.paperboy.notify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.paperboy.cli.ProgressBar;
import org.paperboy.mail.EmlDirectoryTransport;
import org.paperboy.mail.MailSettings;
import org.paperboy.mail.SmtpTransport;
import org.paperboy.notify.DigestComposer;
import org.paperboy.notify.DigestMails;
import org.paperboy.notify.DigestPeriod;
import org.paperboy.notify.DigestRunRepository;
import org.paperboy.notify.LinkTokens;
import org.paperboy.notify.Links;
import org.paperboy.notify.MailRenderer;
import org.paperboy.notify.OutboxRepository;
import org.paperboy.notify.OutboxSender;
import org.paperboy.notify.PersonalPicks;
import org.paperboy.notify.SqlTopicMatcher;
import org.paperboy.notify.SubscriptionRepository;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/**
 * Composes one daily digest for N confirmed subscribers (a fifth with two saved searches) and
 * delivers every mail over SMTP to a GreenMail server on loopback, end to end through the outbox.
 * Run by bench/digest.sh, which starts the SMTP server in a separate JVM.
 *
 * <p>Arguments: dataDir (smtpPort | eml) [subscribers=10000] [workers=4] [plain | foryou]; with {@code eml}
 * the mails are written as .eml files under dataDir/outbox instead. With {@code foryou} every
 * subscriber is also a verified account with 20 to 50 saves, so each mail carries a For-you
 * section ranked from the day's papers (see {@link ForYouWorld}).
 */
public final class DigestBench {
    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final String ABSTRACT = ("We study how large language models allocate attention to the first tokens of a sequence, "
            + "a phenomenon known as the attention sink, and show that keeping those tokens in the cache lets models "
            + "stream indefinitely long inputs without fine-tuning. ").repeat(4);

    private DigestBench() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        boolean eml = args[1].equals("eml");
        int port = eml ? 0 : Integer.parseInt(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        boolean personal = args.length > 4 && args[4].equals("foryou");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("bench.db"), "", "")) {
            PaperRepository papers = new PaperRepository(db);
            if (!personal) papers.upsert(papers(40), DAY, (a, b) -> b);
            insertSubscribers(db, n, clock.millis());
            ForYouWorld world = personal ? ForYouWorld.build(db, papers, n, DAY, clock.millis()) : null;
            SubscriptionRepository subs = new SubscriptionRepository(db);
            OutboxRepository outbox = new OutboxRepository(db);
            DigestRunRepository runs = new DigestRunRepository(db);
            Links links = new Links("https://papers.example.org", new LinkTokens(db), "Paperboy <digest@paperboy.test>", "");
            DigestComposer composer = new DigestComposer(papers, subs, runs, outbox, links, clock);
            MailSettings mailSettings = new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, "", "", "Paperboy <digest@paperboy.test>", data);
            PersonalPicks picks = PersonalPicks.NONE;
            if (personal) {
                picks = world.picks();
                world.train(workers);
            }
            System.gc();
            resetPeaks();

            long t0 = System.nanoTime();
            DigestComposer.Result composed;
            try (ProgressBar bar = new ProgressBar("composing", n)) {
                composed = composer.compose(DigestPeriod.daily(DAY), false, bar::step);
            }
            long t1 = System.nanoTime();
            OutboxSender.Report report;
            try (SmtpTransport smtp = new SmtpTransport(mailSettings);
                 OutboxSender sender = new OutboxSender(outbox, subs, runs, new DigestMails(papers, new SqlTopicMatcher(db, papers), links, picks),
                    new MailRenderer(), links, eml ? new EmlDirectoryTransport(data.resolve("outbox"), "Paperboy <digest@paperboy.test>") : smtp,
                    clock, workers, 3);
                 ProgressBar bar = new ProgressBar("sending", composed.queued())) {
                long[] seen = {0};
                report = sender.sendDue(r -> {
                    bar.step(r.total() - seen[0]);
                    seen[0] = r.total();
                });
            }
            long t2 = System.nanoTime();
            double compose = (t1 - t0) / 1e9;
            double send = (t2 - t1) / 1e9;
            System.out.printf("subscribers            %d (workers %d, -Xmx %d MiB, %s%s)%n", n, workers, Runtime.getRuntime().maxMemory() >> 20,
                    eml ? ".eml files" : "SMTP", personal ? ", each a reader with a For-you section" : "");
            System.out.printf("compose                %d rows in %.2f s = %.0f rows/s%n", composed.queued(), compose, composed.queued() / compose);
            System.out.printf("deliver                %d sent, %d retried, %d failed in %.2f s = %.0f mails/s%n",
                    report.sent(), report.retried(), report.failed(), send, report.sent() / send);
            System.out.printf("end to end             %.2f s = %.0f mails/s%n", compose + send, report.sent() / (compose + send));
            if (personal) world.report();
            System.out.printf("peak heap              %d MiB (after a GC before the run; -Xmx bounds it)%n", peakHeap() >> 20);
        }
    }

    static List<Paper> papers(int count) {
        List<Paper> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String id = String.format("2611.%05d", i);
            out.add(new Paper(new ArxivId(id, 1), "Attention sinks and streaming language models, part " + i,
                    List.of(Author.named("Guangxuan Xiao"), Author.named("Yuandong Tian"), Author.named("Beidi Chen"),
                            Author.named("Song Han"), Author.named("Mike Lewis"), Author.named("Another Author")),
                    ABSTRACT, i % 2 == 0 ? "cs.CL" : "cs.LG", List.of(i % 2 == 0 ? "cs.CL" : "cs.LG"), null, null, null, null,
                    DAY, null, List.of(new PaperVersion(1, DAY, null)), DAY,
                    List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/example/repo" + i)), 0, 0));
        }
        return out;
    }

    /** Confirmed subscribers written directly: the opt-in path is not what this measures. */
    static void insertSubscribers(Database db, int n, long now) {
        db.jdbi().useTransaction(h -> {
            PreparedBatch subs = h.prepareBatch("INSERT INTO subscriptions (email, frequency, status, hard_bounces, created_at, confirmed_at, updated_at) "
                    + "VALUES (:email, 'daily', 'confirmed', 0, :now, :now, :now)");
            for (int i = 0; i < n; i++) subs.bind("email", "reader" + i + "@example.org").bind("now", now).add();
            subs.execute();
            PreparedBatch topics = h.prepareBatch("INSERT INTO subscription_topics (subscription_id, position, query) VALUES (:id, :pos, :q)");
            for (int i = 1; i <= n; i += 5) {
                topics.bind("id", i).bind("pos", 0).bind("q", "cat:cs.CL").add();
                topics.bind("id", i).bind("pos", 1).bind("q", "\"attention sink\"").add();
            }
            topics.execute();
        });
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }
}
