package org.paperboy.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

class CommunityStoreTest {
    @TempDir
    Path tmp;

    private static final long NOW = 1_800_000_000_000L;

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void firstAccountIsAdminAndNamesAreUniqueIgnoringCase(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            UserRepository users = new UserRepository(db);
            long ada = users.insert("Ada", "ada@example.org", "h", null, NOW);
            long bob = users.insert("bob", "bob@example.org", "h", NOW, NOW);
            assertTrue(users.byId(ada).orElseThrow().admin());
            assertFalse(users.byId(bob).orElseThrow().admin());
            assertFalse(users.byId(ada).orElseThrow().verified());
            assertTrue(users.byId(bob).orElseThrow().verified());
            assertEquals(ada, users.byUsername("ADA").orElseThrow().id());
            assertEquals(bob, users.byEmail("Bob@Example.org").orElseThrow().id());
            assertThrows(RuntimeException.class, () -> users.insert("ADA", "other@example.org", "h", null, NOW));
            assertThrows(RuntimeException.class, () -> users.setEmail(bob, "ADA@example.org", NOW), "addresses are unique ignoring case");
            users.setEmail(ada, "ada@new.example.org", NOW);
            assertTrue(users.byEmail("Ada@New.example.org").orElseThrow().verified(), "a confirmed new address is verified");
            users.setBanned(bob, NOW);
            assertTrue(users.byId(bob).orElseThrow().banned());
            users.setBanned(bob, null);
            assertFalse(users.byId(bob).orElseThrow().banned());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void ofTwoSimultaneousFirstSignUpsOnlyOneIsAdmin(TestDatabases.Kind kind) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database db = TestDatabases.open(kind, tmp); Handle first = db.jdbi().open()) {
            UserRepository users = new UserRepository(db);
            first.begin(); // the first sign-up, stopped between its insert and its commit
            first.execute("UPDATE counters SET value = value + 1 WHERE name = 'accounts'");
            first.execute("INSERT INTO users (username, username_key, email, email_key, password_hash, is_admin, created_at)"
                    + " VALUES ('ada', 'ada', 'ada@example.org', 'ada@example.org', 'h', 1, 0)");
            Future<Long> second = pool.submit(() -> users.insert("bob", "bob@example.org", "h", NOW, NOW));
            Thread.sleep(300);
            assertFalse(second.isDone(), "the second sign-up waits for the first to commit");
            first.commit();
            assertFalse(users.byId(second.get(10, TimeUnit.SECONDS)).orElseThrow().admin());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void anErasedAccountLeavesNoNameVotesOrCommentsButRepliesKeepTheirPlace(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            Fixtures.addPapers(papers, "2611.00001");
            UserRepository users = new UserRepository(db);
            VoteRepository votes = new VoteRepository(db, papers);
            CommentRepository comments = new CommentRepository(db, papers);
            SessionRepository sessions = new SessionRepository(db);
            long ada = users.insert("ada", "ada@example.org", "h", NOW, NOW);
            long bob = users.insert("bob", "bob@example.org", "h", NOW, NOW);
            votes.set(bob, "2611.00001", true, NOW);
            long question = comments.insert("2611.00001", bob, null, "bob's question", NOW).orElseThrow();
            comments.insert("2611.00001", ada, question, "ada's answer", NOW).orElseThrow();
            sessions.create("bob-session", bob, NOW, NOW + 1000);

            new ModerationRepository(db, papers).eraseUser(bob, NOW);

            Paper p = papers.find("2611.00001").orElseThrow();
            assertEquals(0, p.upvotes());
            assertEquals(1, p.numComments(), "ada's reply still counts");
            Comment gone = comments.find(question).orElseThrow();
            assertTrue(gone.deleted());
            assertEquals("", gone.body());
            assertEquals(2, comments.forPaper("2611.00001").size(), "the reply keeps its parent's place");
            assertTrue(users.byUsername("bob").isEmpty());
            assertTrue(users.byEmail("bob@example.org").isEmpty());
            int bobsSessions = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions WHERE user_id = :id")
                    .bind("id", bob).mapTo(Integer.class).one());
            assertEquals(0, bobsSessions);
            assertTrue(users.byId(bob).orElseThrow().banned(), "no log-in, no count");
            users.insert("bob", "bob@example.org", "h", NOW, NOW); // name and address are free again
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aModerationActionWhoseLogLineCannotBeWrittenDoesNotHappen(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            Fixtures.addPapers(papers, "2611.00001");
            UserRepository users = new UserRepository(db);
            long ada = users.insert("ada", "ada@example.org", "h", NOW, NOW);
            long bob = users.insert("bob", "bob@example.org", "h", NOW, NOW);
            CommentRepository comments = new CommentRepository(db, papers);
            long spam = comments.insert("2611.00001", bob, null, "spam", NOW).orElseThrow();
            Moderation moderation = new Moderation(new ModerationRepository(db, papers), comments, users, new SessionRepository(db),
                    Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
            User admin = users.byId(ada).orElseThrow();
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE moderation_log RENAME TO moderation_log_gone")); // the log line will fail
            assertThrows(RuntimeException.class, () -> moderation.hideComment(admin, spam, true, "spam"));
            assertFalse(comments.find(spam).orElseThrow().hidden(), "no hide without its log line");
            assertThrows(RuntimeException.class, () -> moderation.banUser(admin, "bob", true, "spam"));
            assertFalse(users.byId(bob).orElseThrow().banned(), "no ban without its log line");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void sessionsExpireAndStopAtOnceWhenTheUserIsBanned(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            UserRepository users = new UserRepository(db);
            SessionRepository sessions = new SessionRepository(db);
            long ada = users.insert("ada", "ada@example.org", "h", NOW, NOW);
            sessions.create("hash1", ada, NOW, NOW + 1000);
            assertEquals(ada, sessions.user("hash1", NOW + 1).orElseThrow().id());
            assertTrue(sessions.user("hash1", NOW + 1000).isEmpty(), "expired");
            assertTrue(sessions.user("other", NOW).isEmpty());
            users.setBanned(ada, NOW);
            assertTrue(sessions.user("hash1", NOW + 1).isEmpty(), "banned");
            sessions.create("hash2", ada, NOW, NOW + 5000);
            assertEquals(1, sessions.purgeExpired(NOW + 1000), "only the expired one");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void emailTokensWorkOnceAndExpire(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            long ada = new UserRepository(db).insert("ada", "ada@example.org", "h", null, NOW);
            EmailTokenRepository tokens = new EmailTokenRepository(db);
            tokens.create("t1", ada, EmailTokenRepository.VERIFY, NOW, NOW + 1000);
            tokens.create("t2", ada, EmailTokenRepository.RESET, NOW, NOW + 1000);
            assertTrue(tokens.consume("t1", EmailTokenRepository.RESET, NOW).isEmpty(), "wrong purpose");
            assertTrue(tokens.valid("t1", EmailTokenRepository.VERIFY, NOW));
            assertEquals(ada, tokens.consume("t1", EmailTokenRepository.VERIFY, NOW).orElseThrow());
            assertTrue(tokens.consume("t1", EmailTokenRepository.VERIFY, NOW).isEmpty(), "used");
            assertTrue(tokens.consume("t2", EmailTokenRepository.RESET, NOW + 1000).isEmpty(), "expired");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void aSecondVoteIsStillOneAndTheCountIsRecounted(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            Fixtures.addPapers(papers, "2611.00001");
            long ada = new UserRepository(db).insert("ada", "ada@example.org", "h", NOW, NOW);
            VoteRepository votes = new VoteRepository(db, papers);
            long seq = papers.lastChangeSeq();
            assertEquals(1, votes.set(ada, "2611.00001", true, NOW).orElseThrow().upvotes());
            assertEquals(1, votes.set(ada, "2611.00001", true, NOW).orElseThrow().upvotes());
            assertEquals(1, papers.find("2611.00001").orElseThrow().upvotes());
            assertTrue(papers.lastChangeSeq() > seq, "a vote moves the change sequence");
            assertEquals(Set.of("2611.00001"), votes.votedAmong(ada, List.of("2611.00001", "2611.99999")));
            assertEquals(0, votes.set(ada, "2611.00001", false, NOW).orElseThrow().upvotes());
            assertTrue(votes.set(ada, "2611.99999", true, NOW).isEmpty(), "unknown paper");
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void hundredConcurrentVotersMakeExactlyHundredVotes(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            Fixtures.addPapers(papers, "2611.00001");
            UserRepository users = new UserRepository(db);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 100; i++) ids.add(users.insert("user" + i, "u" + i + "@example.org", "h", NOW, NOW));
            VoteRepository votes = new VoteRepository(db, papers);
            List<Callable<Object>> tasks = new ArrayList<>();
            // each account votes twice, concurrently with everyone else
            for (long id : ids) for (int twice = 0; twice < 2; twice++) tasks.add(() -> votes.set(id, "2611.00001", true, NOW));
            try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
                for (Future<Object> f : pool.invokeAll(tasks)) f.get();
            }
            assertEquals(100, votes.countRows("2611.00001"));
            assertEquals(100, papers.find("2611.00001").orElseThrow().upvotes());
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void commentsAreCountedWhileVisibleAndFlaggedOncePerAccount(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            Fixtures.addPapers(papers, "2611.00001", "2611.00002");
            long ada = new UserRepository(db).insert("ada", "ada@example.org", "h", NOW, NOW);
            CommentRepository comments = new CommentRepository(db, papers);
            long first = comments.insert("2611.00001", ada, null, "hello", NOW).orElseThrow();
            long reply = comments.insert("2611.00001", ada, first, "a reply", NOW).orElseThrow();
            assertTrue(comments.insert("2611.00002", ada, first, "wrong paper", NOW).isEmpty(), "parent on another paper");
            assertEquals(2, papers.find("2611.00001").orElseThrow().numComments());
            comments.markDeleted(first);
            assertEquals(1, papers.find("2611.00001").orElseThrow().numComments());
            db.jdbi().useTransaction(h -> comments.setHidden(h, reply, true));
            assertEquals(0, papers.find("2611.00001").orElseThrow().numComments());
            assertEquals(first, comments.forPaper("2611.00001").get(0).id());
            assertEquals(1, comments.flag(reply, ada, "spam", NOW));
            assertEquals(1, comments.flag(reply, ada, "spam", NOW));
        }
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void submissionsCreditTheFirstAndTheModerationLogIsAppendOnly(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind, tmp)) {
            PaperRepository papers = new PaperRepository(db);
            Fixtures.addPapers(papers, "2611.00001");
            UserRepository users = new UserRepository(db);
            long ada = users.insert("ada", "ada@example.org", "h", NOW, NOW);
            long bob = users.insert("bob", "bob@example.org", "h", NOW, NOW);
            SubmissionRepository subs = new SubmissionRepository(db, papers);
            assertTrue(subs.insert("2611.00001", ada, Fixtures.DAY, NOW));
            assertFalse(subs.insert("2611.00001", bob, Fixtures.DAY, NOW));
            assertFalse(subs.insert("2611.99999", bob, Fixtures.DAY, NOW));
            assertEquals("ada", papers.submitters(List.of("2611.00001")).get("2611.00001").username(), "the first submitter is credited");
            ModerationRepository mod = new ModerationRepository(db, papers);
            assertTrue(mod.setPaperHidden("2611.00001", true, new ModerationEntry(0, NOW, "ada", "hide", "paper", "2611.00001", "spam")));
            assertTrue(papers.isHidden("2611.00001"));
            assertEquals(1, mod.recent(10, 0).size());
            assertThrows(RuntimeException.class, () -> db.jdbi().useHandle(h -> h.execute("DELETE FROM moderation_log")));
            assertThrows(RuntimeException.class, () -> db.jdbi().useHandle(h -> h.execute("UPDATE moderation_log SET reason = 'x'")));
            assertEquals(1, mod.recent(10, 0).size());
        }
    }
}
