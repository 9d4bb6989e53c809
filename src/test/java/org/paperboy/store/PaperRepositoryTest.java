package org.paperboy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.ingest.VersionMerger;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

class PaperRepositoryTest {

    @TempDir
    Path tmp;

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final PaperMerger NEWER_WINS = (stored, incoming) ->
            incoming.id().version() >= stored.id().version() ? incoming : stored;

    static Paper paper(String id, int version, String title, LocalDate listed, String... cats) {
        List<PaperVersion> versions = new ArrayList<>();
        for (int v = 1; v <= version; v++) versions.add(new PaperVersion(v, LocalDate.of(2026, 11, 20 + v), null));
        return new Paper(new ArxivId(id, version), title, List.of(new Author("Ada Lovelace", "Analytical Engines Ltd")),
                "An abstract.", cats[0], List.of(cats), null, null, null, null, LocalDate.of(2026, 11, 21), null,
                versions, listed, List.of(), 0, 0);
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void insertsThenSkipsAnUnchangedRecordThenUpdatesANewerVersion(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            Paper v1 = paper("2611.00001", 1, "First", null, "cs.CL", "cs.AI");
            assertEquals(new UpsertResult(1, 0, 0), repo.upsert(List.of(v1), DAY, NEWER_WINS));
            long seqAfterInsert = repo.lastChangeSeq();
            assertEquals(new UpsertResult(0, 0, 1), repo.upsert(List.of(v1), DAY.plusDays(1), NEWER_WINS));
            assertEquals(seqAfterInsert, repo.lastChangeSeq(), "an unchanged record must not bump the change sequence");

            Paper v2 = paper("2611.00001", 2, "First, revised", null, "cs.CL");
            assertEquals(new UpsertResult(0, 1, 0), repo.upsert(List.of(v2), DAY.plusDays(3), NEWER_WINS));
            Paper stored = repo.find("2611.00001").orElseThrow();
            assertEquals("First, revised", stored.title());
            assertEquals(2, stored.id().version());
            assertEquals(DAY, stored.listingDate(), "an update keeps the first listing date");
            assertEquals(List.of(1, 2), stored.versions().stream().map(PaperVersion::version).toList());
            assertEquals("Analytical Engines Ltd", stored.authors().get(0).affiliation());
            assertTrue(repo.lastChangeSeq() > seqAfterInsert);
            assertEquals(List.of("cs.CL"), stored.categories());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void listsADayByCategoryWithPagingAndNeighbourDays(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            repo.upsert(List.of(
                    paper("2611.00001", 1, "A", DAY.minusDays(3), "cs.CL"),
                    paper("2611.00002", 1, "B", DAY, "cs.CV"),
                    paper("2611.00003", 1, "C", DAY, "cs.CL", "cs.LG"),
                    paper("2611.00004", 1, "D", DAY, "cs.LG"),
                    paper("2611.00005", 1, "E", DAY.plusDays(2), "cs.CV")), DAY, NEWER_WINS);
            Listing day = Listing.day(DAY);
            assertEquals(List.of("B", "C", "D"), titles(repo.listing(day)), "announcement order within a day");
            assertEquals(List.of("C"), titles(repo.listing(day.page(1, 1))));
            assertEquals(List.of("C", "D"), titles(repo.listing(day.inCategories(List.of("cs.LG")))));
            assertEquals(2, repo.count(day.inCategories(List.of("cs.LG", "cs.CL"))));
            assertEquals(DAY.minusDays(3), repo.dayBefore(DAY, List.of()).orElseThrow());
            assertEquals(DAY.plusDays(2), repo.dayAfter(DAY, List.of()).orElseThrow());
            assertFalse(repo.dayAfter(DAY, List.of("cs.LG")).isPresent());
            assertEquals(DAY.plusDays(2), repo.dayAfter(DAY, List.of("cs.LG", "cs.CV")).orElseThrow());
            assertEquals(DAY.minusDays(3), repo.dayBefore(DAY, List.of("cs.CL")).orElseThrow());
            assertEquals(DAY.plusDays(2), repo.latestDay().orElseThrow());
            assertEquals(List.of("cs.LG", "cs.CL", "cs.CV"), List.copyOf(repo.categoryCounts(DAY, DAY).keySet()));
            assertEquals(List.of("E", "B", "C", "D", "A"),
                    titles(repo.listing(new Listing(DAY.minusDays(7), DAY.plusDays(7), List.of(), Listing.Order.UPVOTES, 0, 10))),
                    "newest day first over a range");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aPaperSubmittedToADayStaysInThatDayUnderACategoryFilter(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            repo.upsert(List.of(
                    paper("2611.00001", 1, "listed earlier, submitted today", DAY.minusDays(3), "cs.CL"),
                    paper("2611.00002", 1, "listed today", DAY, "cs.CL"),
                    paper("2611.00003", 1, "other category", DAY, "cs.CV")), DAY, NEWER_WINS);
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO users (username, username_key, email, email_key, password_hash, created_at)"
                        + " VALUES ('ada', 'ada', 'ada@example.org', 'ada@example.org', 'h', 0)");
                long ada = h.createQuery("SELECT id FROM users WHERE username_key = 'ada'").mapTo(Long.class).one();
                h.execute("INSERT INTO submissions (arxiv_id, user_id, featured_date, created_at) VALUES ('2611.00001', ?, ?, 0)", ada, DAY.toString());
            });
            Listing day = Listing.day(DAY).inCategories(List.of("cs.CL"));
            assertEquals(Set.of("listed earlier, submitted today", "listed today"), Set.copyOf(titles(repo.listing(day))));
            assertEquals(2, repo.count(day));
            assertEquals(List.of(), titles(repo.listing(Listing.day(DAY.plusDays(1)).inCategories(List.of("cs.CL")))), "nor on another day");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aHiddenPaperLeavesListingsCountsAndNeighbourDays(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            repo.upsert(List.of(
                    paper("2611.00001", 1, "A", DAY.minusDays(3), "cs.CL"),
                    paper("2611.00002", 1, "B", DAY, "cs.CV"),
                    paper("2611.00003", 1, "C", DAY.plusDays(2), "cs.CV", "cs.LG")), DAY, NEWER_WINS);
            db.jdbi().useHandle(h -> h.execute("UPDATE papers SET hidden = 1 WHERE arxiv_id IN ('2611.00001', '2611.00003')"));
            Listing range = new Listing(DAY.minusDays(7), DAY.plusDays(7), List.of(), Listing.Order.UPVOTES, 0, 10);
            assertEquals(List.of("B"), titles(repo.listing(range)));
            assertFalse(repo.dayBefore(DAY, List.of()).isPresent());
            assertFalse(repo.dayAfter(DAY, List.of("cs.CV")).isPresent());
            assertFalse(repo.dayBefore(DAY, List.of("cs.CL")).isPresent());
            assertEquals(List.of("cs.CV"), List.copyOf(repo.categoryCounts(DAY.minusDays(7), DAY.plusDays(7)).keySet()));
            assertEquals(Set.of("2611.00001", "2611.00003"), repo.hiddenAmong(List.of("2611.00001", "2611.00002", "2611.00003")));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void followersReadChangesInWriteOrder(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            repo.upsert(List.of(paper("2611.00001", 1, "A", DAY, "cs.CL"), paper("2611.00002", 1, "B", DAY, "cs.CL")), DAY, NEWER_WINS);
            repo.upsert(List.of(paper("2611.00001", 2, "A2", DAY, "cs.CL")), DAY, NEWER_WINS);
            List<PaperChange> all = repo.changedSince(0, 10);
            assertEquals(List.of("B", "A2"), all.stream().map(c -> c.paper().title()).toList());
            assertEquals(List.of("A2"), repo.changedSince(all.get(0).seq(), 10).stream().map(c -> c.paper().title()).toList());
            assertEquals(all.get(1).seq(), repo.lastChangeSeq());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void refusesADatabaseWhoseMigrationsDifferInOneLine(TestDatabases.Kind kind) {
        String url = TestDatabases.freshUrl(kind, tmp);
        String user = kind == TestDatabases.Kind.POSTGRESQL ? "postgres" : "";
        try (Database db = Database.open(url, user, "")) {
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '002'"));
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(url, user, ""));
        assertTrue(e.getMessage().startsWith("the migrations recorded in this database differ from this build's"
                + " (Migration checksum mismatch for migration version 002)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void refusesASchemaNewerThanItKnows(TestDatabases.Kind kind) {
        String url = TestDatabases.freshUrl(kind, tmp);
        String user = kind == TestDatabases.Kind.POSTGRESQL ? "postgres" : "";
        try (Database db = Database.open(url, user, "")) {
            db.jdbi().useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, installed_on, execution_time, success)"
                    + " VALUES (99, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, true)"));
            assertFalse(db.healthy(), "health check notices the newer schema");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(url, user, ""));
        assertTrue(e.getMessage().contains("newer than this Paperboy knows"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void keepsTheTimeOfDayWhereTheSourceGaveIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository repo = new PaperRepository(db);
            Instant v1 = Instant.parse("2026-11-21T16:52:52Z");
            Instant v2 = Instant.parse("2026-11-22T09:07:25Z");
            Paper timed = paper("2611.00001", 2, "Timed", DAY, "cs.CL");
            timed = new Paper(timed.id(), timed.title(), timed.authors(), timed.abstractText(), timed.primaryCategory(), timed.categories(),
                    null, null, null, null, timed.submitted(), LocalDate.of(2026, 11, 22), timed.versions(), DAY, List.of(), 0, 0, v1, v2);
            Paper dated = paper("2611.00002", 1, "Dated", DAY, "cs.CL");
            assertEquals(new UpsertResult(2, 0, 0), repo.upsert(List.of(timed, dated), DAY, new VersionMerger()));

            Paper stored = repo.find("2611.00001").orElseThrow();
            assertEquals(v1, stored.submittedAt());
            assertEquals(v2, stored.updatedAt());
            assertEquals(v1, repo.listing(Listing.day(DAY)).get(0).submittedInstant(), "listings read the times too");
            Paper plain = repo.find("2611.00002").orElseThrow();
            assertNull(plain.submittedAt());
            assertEquals(Instant.parse("2026-11-21T00:00:00Z"), plain.submittedInstant(), "midnight UTC where only the date is known");

            // a later record with dates only (the daily sample) keeps the times an earlier one gave
            Paper datesOnly = paper("2611.00001", 2, "Timed, corrected", DAY, "cs.CL");
            assertEquals(new UpsertResult(0, 1, 0), repo.upsert(List.of(datesOnly), DAY, new VersionMerger()));
            assertEquals("Timed, corrected", repo.find("2611.00001").orElseThrow().title());
            assertEquals(v1, repo.find("2611.00001").orElseThrow().submittedAt());

            // times alone arriving for a paper stored with dates only are an update, not an unchanged record
            assertEquals(new UpsertResult(0, 1, 0), repo.upsert(List.of(dated.withTimes(Instant.parse("2026-11-21T08:00:00Z"), null)),
                    DAY, new VersionMerger()));
            assertEquals(Instant.parse("2026-11-21T08:00:00Z"), repo.find("2611.00002").orElseThrow().submittedAt());
        }
    }

    /**
     * V013 is numbered below V014_2, which deployed databases already ran: Flyway must apply it out
     * of order, and health must still see the highest version. The old database is made by opening
     * a fresh one and taking V013 back out (its columns and its history row).
     */
    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aDatabaseAlreadyPastV013GetsItOutOfOrder(TestDatabases.Kind kind) {
        String url = TestDatabases.freshUrl(kind, tmp);
        String user = kind == TestDatabases.Kind.POSTGRESQL ? "postgres" : "";
        try (Database db = Database.open(url, user, "")) {
            db.jdbi().useHandle(h -> {
                h.execute("ALTER TABLE papers DROP COLUMN submitted_at");
                h.execute("ALTER TABLE papers DROP COLUMN updated_at");
                h.execute("DELETE FROM flyway_schema_history WHERE version = '013'");
            });
        }
        try (Database db = Database.open(url, user, "")) {
            assertEquals("016", db.schemaVersion(), "the reported version stays the highest one");
            assertTrue(db.healthy(), "health compares the highest version, not the last one installed");
            assertEquals(Integer.valueOf(1), db.jdbi().<Integer, RuntimeException>withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '013'")
                    .mapTo(Integer.class).one()));
            PaperRepository repo = new PaperRepository(db);
            repo.upsert(List.of(paper("2611.00001", 1, "A", DAY, "cs.CL").withTimes(Instant.parse("2026-11-21T16:52:52Z"), null)),
                    DAY, NEWER_WINS);
            assertEquals(Instant.parse("2026-11-21T16:52:52Z"), repo.find("2611.00001").orElseThrow().submittedAt());
        }
    }

    private static List<String> titles(List<Paper> papers) {
        return papers.stream().map(Paper::title).toList();
    }
}
