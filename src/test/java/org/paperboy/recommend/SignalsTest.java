package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.community.ModerationRepository;
import org.paperboy.community.UserRepository;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.Database;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class SignalsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static Paper paper(String id, String title, String abstractText, String cat) {
        return new Paper(new ArxivId(id, 1), title, List.of(new Author("Grace Hopper", null)), abstractText, cat, List.of(cat), null, null, null,
                null, DAY, null, List.of(new PaperVersion(1, DAY, null)), DAY, List.of(), 0, 0);
    }

    private record World(Database db, PaperRepository papers, Signals signals, ForYou forYou, long ada, long bob, List<Long> changes)
            implements AutoCloseable {
        List<String> ranked(long user) {
            return forYou.rank(user, papers.listing(Listing.day(DAY))).stream().map(p -> p.paper().id().base()).toList();
        }

        @Override
        public void close() {
            forYou.close();
            db.close();
        }
    }

    private World world(TestDatabases.Kind kind) {
        return world(kind, Long.MAX_VALUE);
    }

    private World world(TestDatabases.Kind kind, long modelBytes) {
        Database db = TestDatabases.open(kind, tmp);
        PaperRepository papers = new PaperRepository(db);
        papers.upsert(List.of(
                paper("2603.00001", "Graph neural networks for molecules", "Graph networks on molecular graphs.", "cs.LG"),
                paper("2603.00002", "Molecular message passing", "Message passing networks for molecules.", "cs.LG"),
                paper("2603.00003", "Auction design", "Bidders and revenue.", "econ.TH"),
                paper("2603.00004", "Speech recognition", "Acoustic models for speech.", "cs.CL")), DAY, (a, b) -> b);
        UserRepository users = new UserRepository(db);
        long ada = users.insert("ada", "ada@example.org", "h", 1L, 1L);
        long bob = users.insert("bob", "bob@example.org", "h", 1L, 1L);
        SignalRepository repo = new SignalRepository(db);
        DbCatalog catalog = new DbCatalog(papers);
        catalog.vocabulary(); // a serving node counts it as it starts (ForYou.warmUp)
        ForYou forYou = new ForYou(catalog, repo, modelBytes);
        List<Long> changes = new ArrayList<>();
        Signals signals = new Signals(repo, papers, CLOCK, u -> {
            changes.add(u);
            forYou.changed(u);
        });
        return new World(db, papers, signals, forYou, ada, bob, changes);
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aHiddenPaperLeavesOnlyItsReadersListingsUntilUndone(TestDatabases.Kind kind) {
        try (World w = world(kind)) {
            w.signals.hide(w.ada, "2603.00003");
            assertFalse(w.ranked(w.ada).contains("2603.00003"));
            assertTrue(w.ranked(w.bob).contains("2603.00003"), "another reader still sees it");
            assertTrue(w.signals.repository().signals(w.bob).isEmpty(), "and nothing of ada's signals");
            w.signals.unhide(w.ada, "2603.00003v1");
            assertTrue(w.ranked(w.ada).contains("2603.00003"), "undo restores it");
            assertEquals(List.of(w.ada, w.ada), w.changes, "each change asks for a retrain");
        }
    }

    @Test
    void readersWhoseModelsLeftTheCacheAreTrainedAgainWithTheirOwnSignals() {
        // a budget of one byte keeps one model at a time: every switch of reader trains again
        try (World w = world(TestDatabases.Kind.SQLITE, 1)) {
            w.signals.save(w.ada, "2603.00001");
            w.signals.hide(w.ada, "2603.00003");
            w.signals.save(w.bob, "2603.00003");
            for (int round = 0; round < 2; round++) {
                assertFalse(w.ranked(w.ada).contains("2603.00003"), "hidden from ada");
                assertEquals("2603.00003", w.ranked(w.bob).get(0), "bob's save ranks first for him");
            }
            List<ForYou.Pick> picks = w.forYou.rank(w.ada, w.papers.listing(Listing.day(DAY)));
            assertEquals("like Graph neural networks for molecules, which you saved",
                    picks.stream().filter(p -> p.paper().id().base().equals("2603.00002")).findFirst().orElseThrow().reason());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void saveAndNotInterestedExcludeEachOtherAndSavesRankTheirNeighboursFirst(TestDatabases.Kind kind) {
        try (World w = world(kind)) {
            w.signals.save(w.ada, "2603.00001");
            w.signals.hide(w.ada, "2603.00001");
            assertEquals(List.of("2603.00001"), w.signals.repository().ids(w.ada, SignalRepository.HIDE));
            assertTrue(w.signals.repository().ids(w.ada, SignalRepository.SAVE).isEmpty());
            w.signals.save(w.ada, "2603.00001");
            assertTrue(w.signals.repository().ids(w.ada, SignalRepository.HIDE).isEmpty());
            List<ForYou.Pick> picks = w.forYou.rank(w.ada, w.papers.listing(Listing.day(DAY)));
            ForYou.Pick second = picks.stream().filter(p -> p.paper().id().base().equals("2603.00002")).findFirst().orElseThrow();
            assertEquals("like Graph neural networks for molecules, which you saved", second.reason());
            assertTrue(picks.indexOf(second) < picks.stream().map(p -> p.paper().id().base()).toList().indexOf("2603.00003"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void seedsFollowsExportAndAccountErasure(TestDatabases.Kind kind) {
        try (World w = world(kind)) {
            Signals.SeedResult r = w.signals.seed(w.ada, "@article{x, eprint = {2603.00004}}\nhttps://arxiv.org/abs/2603.00002v1 and 2612.99999");
            assertEquals(List.of("2603.00004", "2603.00002"), r.added());
            assertEquals(List.of("2612.99999"), r.unknown());
            w.signals.follow(w.ada, SignalRepository.CATEGORY, "econ.TH");
            w.signals.follow(w.ada, SignalRepository.AUTHOR, "Grace Hopper");
            assertThrows(SignalException.class, () -> w.signals.follow(w.ada, SignalRepository.CATEGORY, "not a category!"));
            assertThrows(SignalException.class, () -> w.signals.follow(w.ada, "colour", "red"));
            assertThrows(SignalException.class, () -> w.signals.save(w.ada, "2603.09999"), "an unknown paper");
            assertThrows(SignalException.class, () -> w.signals.seed(w.ada, "nothing here"));
            Signals.Export e = w.signals.export(w.ada);
            assertEquals(2, e.papers().size());
            assertEquals(2, e.follows().size());
            assertTrue(w.signals.export(w.bob).papers().isEmpty());
            w.signals.unfollow(w.ada, SignalRepository.AUTHOR, "Grace Hopper");
            assertEquals(1, w.signals.export(w.ada).follows().size());
            new ModerationRepository(w.db, w.papers).eraseUser(w.ada, 5L);
            assertTrue(w.signals.export(w.ada).papers().isEmpty(), "deleted with the account");
            assertTrue(w.signals.export(w.ada).follows().isEmpty());
        }
    }

    private static List<String> idsAndReasons(List<ForYou.Pick> picks) {
        return picks.stream().map(p -> p.paper().id().base() + " " + p.reason() + " " + p.score()).toList();
    }

    @Test
    void theInstanceProfileFollowsTheAdminsSeedsAtOnce() {
        try (World w = world(TestDatabases.Kind.SQLITE)) {
            List<Paper> day = w.papers.listing(Listing.day(DAY));
            w.signals.save(w.bob, "2603.00004");
            assertEquals("2603.00004", w.forYou.orderForVisitors(day).get(0).id().base(), "without seeds: the readers' signals together");
            w.signals.repository().seedInstance("2603.00001", 1L);
            List<String> seeded = w.forYou.orderForVisitors(day).stream().map(p -> p.id().base()).toList();
            assertEquals(List.of("2603.00001", "2603.00002"), seeded.subList(0, 2), "the seed and its neighbour, not an hour-old profile: " + seeded);
        }
    }

    @Test
    void aLongDayScoredOnAllCoresRanksAsOneThreadDoes() {
        try (World w = world(TestDatabases.Kind.SQLITE)) {
            String[] topics = {"graph molecules", "speech acoustic", "auction bidders", "robot grasping", "protein folding", "galaxy survey"};
            List<Paper> day = new ArrayList<>();
            for (int i = 0; i < 3 * ForYou.PARALLEL_FROM; i++) {
                String topic = topics[i % topics.length] + " " + topics[(i / topics.length) % topics.length];
                day.add(paper(String.format("2603.1%04d", i), "Study " + i + " of " + topic, "We examine " + topic + " with method " + (i % 17) + ".", "cs.LG"));
            }
            w.papers.upsert(day, DAY, (a, b) -> b);
            for (String id : List.of("2603.10000", "2603.10006", "2603.10012", "2603.10001")) w.signals.save(w.ada, id);
            List<Paper> listed = w.papers.listing(Listing.day(DAY));
            List<String> parallel = scoresAndReasons(w.forYou.rank(w.ada, listed));
            List<String> oneThread = scoresAndReasons(w.forYou.digestPicks(w.ada, listed, listed.size()).picks());
            assertTrue(listed.size() >= 3 * ForYou.PARALLEL_FROM, "long enough to be scored in parallel");
            assertEquals(listed.size(), parallel.size());
            assertEquals(oneThread, parallel);
        }
    }

    private static List<String> scoresAndReasons(List<ForYou.Pick> picks) {
        return picks.stream().map(p -> p.paper().id().base() + " " + p.score() + " " + p.reason()).toList();
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aRememberedRankingLastsUntilTheReadersSignalsOrTheCatalogChange(TestDatabases.Kind kind) {
        try (World w = world(kind)) {
            AtomicInteger reads = new AtomicInteger();
            Supplier<List<Paper>> day = () -> {
                reads.incrementAndGet();
                return w.papers.listing(Listing.day(DAY));
            };
            w.signals.save(w.ada, "2603.00001");
            List<ForYou.Pick> first = w.forYou.rank(w.ada, "day:" + DAY, day);
            assertSame(first, w.forYou.rank(w.ada, "day:" + DAY, day), "asked again with nothing changed: remembered");
            assertEquals(1, reads.get());
            assertEquals(idsAndReasons(w.forYou.rank(w.ada, w.papers.listing(Listing.day(DAY)))), idsAndReasons(first),
                    "the same order, scores and reasons as ranking afresh");

            w.signals.hide(w.ada, "2603.00003");
            List<ForYou.Pick> afterHide = w.forYou.rank(w.ada, "day:" + DAY, day);
            assertEquals(2, reads.get(), "a new signal: ranked again");
            assertFalse(afterHide.stream().anyMatch(p -> p.paper().id().base().equals("2603.00003")));

            w.db.jdbi().useTransaction(h -> w.papers.touch(h, "2603.00004"));
            w.forYou.rank(w.ada, "day:" + DAY, day);
            assertEquals(3, reads.get(), "the catalog changed (a vote): ranked again");
            w.papers.upsert(List.of(paper("2603.00005", "Graph networks for molecular property prediction", "Molecules as graphs.", "cs.LG")), DAY,
                    (a, b) -> b);
            List<ForYou.Pick> withNew = w.forYou.rank(w.ada, "day:" + DAY, day);
            assertEquals(4, reads.get(), "a new paper: read again");
            assertTrue(withNew.stream().anyMatch(p -> p.paper().id().base().equals("2603.00005")), "the new paper is ranked");
            assertEquals(idsAndReasons(w.forYou.rank(w.ada, w.papers.listing(Listing.day(DAY)))), idsAndReasons(withNew),
                    "the papers scored before keep their scores and reasons, the new one is scored: as ranking afresh");
            w.forYou.rank(w.ada, "week:x", day);
            w.forYou.rank(w.bob, "day:" + DAY, day);
            assertEquals(6, reads.get(), "another period and another reader are rankings of their own");
        }
    }
}
