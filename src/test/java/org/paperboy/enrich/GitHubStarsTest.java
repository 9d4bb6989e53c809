package org.paperboy.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.paperboy.config.Settings;
import org.paperboy.notify.MutableClock;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;

/**
 * GitHub stars against a local server that replays GitHub's answers (recorded shape, under
 * src/test/resources/github), never the internet: read and kept for a day, a gone repository,
 * the rate limit in each of GitHub's forms, malformed answers, pacing, the token.
 */
class GitHubStarsTest {

    static final String TRANSFORMERS = "https://github.com/huggingface/transformers";
    static final String DELTA = "https://github.com/Ada/Delta.git";

    @TempDir
    Path tmp;
    final GitHubReplay github = new GitHubReplay();
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
    final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
    final List<Database> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        github.close();
        opened.forEach(Database::close);
    }

    StarsRepository repo(TestDatabases.Kind kind) {
        Database db = TestDatabases.open(kind, tmp);
        opened.add(db);
        return new StarsRepository(db);
    }

    GitHubStars stars(StarsRepository repo, String token) {
        return new GitHubStars(new GitHubClient(github.base(), token, clock), repo, pauses::add, clock);
    }

    @ParameterizedTest
    @MethodSource("org.paperboy.store.TestDatabases#kinds")
    void readsStarsOnceADayAndPagesShowThem(TestDatabases.Kind kind) throws Exception {
        github.answer("huggingface/transformers", GitHubReplay.repo("huggingface/transformers", 148213));
        github.answer("ada/delta", GitHubReplay.repo("Ada/Delta", 1234));
        StarsRepository repo = repo(kind);
        GitHubStars stars = stars(repo, "");
        List<String> links = List.of(TRANSFORMERS, DELTA, "https://gitlab.com/ada/delta", TRANSFORMERS + "/tree/main");

        assertEquals(new GitHubStars.Pass(2, 0, 0, 0, null), stars.refresh(links));
        assertEquals(List.of("/repos/huggingface/transformers", "/repos/ada/delta"), github.paths(), "each repository once, GitLab not at all");
        StarSnapshot snapshot = new StarSnapshot(repo, clock);
        assertEquals(OptionalInt.of(148213), snapshot.of(TRANSFORMERS + "/"));
        assertEquals(OptionalInt.of(1234), snapshot.of("https://github.com/ada/delta"), "names ignore case and .git");
        assertEquals(OptionalInt.empty(), snapshot.of("https://github.com/someone/else"));

        clock.advance(Duration.ofHours(23));
        assertEquals(new GitHubStars.Pass(0, 0, 0, 2, null), stars.refresh(links));
        assertEquals(2, github.requests.size(), "cached for a day");

        github.answer("ada/delta", GitHubReplay.repo("Ada/Delta", 1300));
        clock.advance(Duration.ofHours(1));
        assertEquals(OptionalInt.of(1234), snapshot.of(DELTA));
        assertEquals(new GitHubStars.Pass(2, 0, 0, 0, null), stars.refresh(links));
        assertEquals(4, github.requests.size());
        assertEquals(OptionalInt.of(1234), snapshot.of(DELTA), "the snapshot is reread once a minute");
        clock.advance(StarSnapshot.REREAD);
        assertEquals(OptionalInt.of(1300), snapshot.of(DELTA));
    }

    @Test
    void politeHeadersAndTheTokenOnlyInAuthorization() throws Exception {
        github.answer("huggingface/transformers", GitHubReplay.repo("huggingface/transformers", 5));
        stars(repo(TestDatabases.Kind.SQLITE), "").refresh(List.of(TRANSFORMERS));
        GitHubReplay.Request anonymous = github.requests.get(0);
        assertNull(anonymous.authorization());
        assertTrue(anonymous.userAgent().startsWith("Paperboy/"), anonymous.userAgent());
        assertEquals("application/vnd.github+json", anonymous.accept());
        assertEquals("2022-11-28", anonymous.apiVersion());

        stars(repo(TestDatabases.Kind.SQLITE), "ghp_s3cret").refresh(List.of(TRANSFORMERS));
        assertEquals("Bearer ghp_s3cret", github.requests.get(1).authorization());

        Settings settings = Settings.load(Map.of("github-token", "ghp_s3cret", "github-api-url", github.base() + "/"), Map.of());
        assertEquals("ghp_s3cret", settings.enrich().githubToken());
        assertEquals(github.base(), settings.enrich().githubApi(), "the trailing slash is dropped");
        assertFalse(settings.enrich().toString().contains("s3cret"), settings.enrich().toString());
        assertFalse(settings.toString().contains("s3cret"));
    }

    @Test
    void aGoneRepositoryShowsNoStarsAndIsAskedAgainADayLater() throws Exception {
        StarsRepository repo = repo(TestDatabases.Kind.SQLITE);
        GitHubStars stars = stars(repo, "");
        assertEquals(new GitHubStars.Pass(0, 1, 0, 0, null), stars.refresh(List.of(DELTA)));
        assertEquals(StarsRepository.State.GONE, repo.all().get("ada/delta").state());
        assertEquals(OptionalInt.empty(), new StarSnapshot(repo, clock).of(DELTA));
        assertEquals(new GitHubStars.Pass(0, 0, 0, 1, null), stars.refresh(List.of(DELTA)));
        clock.advance(Duration.ofDays(1));
        stars.refresh(List.of(DELTA));
        assertEquals(2, github.requests.size());
    }

    @Test
    void theRateLimitResetStopsThePassUntilThen() throws Exception {
        Instant reset = clock.instant().plus(Duration.ofMinutes(37));
        github.answer("a/one", GitHubReplay.repo("a/one", 1));
        github.answer("a/two", GitHubReplay.rateLimited(403, Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset.getEpochSecond()), "X-RateLimit-Resource", "core")));
        github.answer("a/three", GitHubReplay.repo("a/three", 3));
        StarsRepository repo = repo(TestDatabases.Kind.SQLITE);
        GitHubStars stars = stars(repo, "");
        List<String> links = List.of("https://github.com/a/one", "https://github.com/a/two", "https://github.com/a/three");

        GitHubStars.Pass pass = stars.refresh(links);
        assertEquals(new GitHubStars.Pass(1, 0, 0, 0, reset), pass);
        assertEquals(List.of("/repos/a/one", "/repos/a/two"), github.paths(), "nothing asked after the limit");
        assertFalse(repo.all().containsKey("a/two"), "a limit says nothing about the repository");

        clock.advance(Duration.ofMinutes(20));
        assertEquals(reset, stars.refresh(links).pausedUntil());
        assertEquals(2, github.requests.size(), "nothing asked before the reset");

        clock.advance(Duration.ofMinutes(17));
        github.answer("a/two", GitHubReplay.repo("a/two", 2));
        assertEquals(new GitHubStars.Pass(2, 0, 0, 1, null), stars.refresh(links));
        assertEquals(OptionalInt.of(3), new StarSnapshot(repo, clock).of("https://github.com/a/three"));
    }

    @Test
    void retryAfterASecondaryLimitAndTheLastRequestOfTheHour() throws Exception {
        github.answer("a/one", GitHubReplay.rateLimited(429, Map.of("Retry-After", "120")));
        GitHubStars stars = stars(repo(TestDatabases.Kind.SQLITE), "");
        assertEquals(clock.instant().plusSeconds(120), stars.refresh(List.of("https://github.com/a/one")).pausedUntil());

        clock.advance(Duration.ofMinutes(2));
        github.answer("a/one", GitHubReplay.rateLimited(403, Map.of()));
        assertEquals(clock.instant().plus(GitHubClient.SECONDARY_LIMIT_WAIT), stars.refresh(List.of("https://github.com/a/one")).pausedUntil(),
                "a 403 that names no time: GitHub says wait a minute");

        clock.advance(Duration.ofMinutes(1));
        Instant reset = clock.instant().plus(Duration.ofMinutes(50));
        github.answer("a/one", new GitHubReplay.Reply(200, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset",
                Long.toString(reset.getEpochSecond())), GitHubReplay.repo("a/one", 7).body()));
        github.answer("a/two", GitHubReplay.repo("a/two", 8));
        GitHubStars.Pass pass = stars.refresh(List.of("https://github.com/a/one", "https://github.com/a/two"));
        assertEquals(new GitHubStars.Pass(1, 0, 0, 0, reset), pass, "the quota's last request: stop before the next");
        assertFalse(github.paths().contains("/repos/a/two"));
    }

    @Test
    void malformedAnswersAreFailuresThatKeepTheLastCountAndAreAskedAgainWithinTheHour() throws Exception {
        github.answer("a/one", GitHubReplay.repo("a/one", 42));
        StarsRepository repo = repo(TestDatabases.Kind.SQLITE);
        GitHubStars stars = stars(repo, "");
        List<String> links = List.of("https://github.com/a/one", "https://github.com/a/two", "https://github.com/a/three", "https://github.com/a/four");
        github.answer("a/two", GitHubReplay.raw(200, "{\"name\": \"two\", \"stargazers_count\": "));
        github.answer("a/three", GitHubReplay.raw(200, "{\"name\": \"three\", \"stargazers_count\": \"many\"}"));
        github.answer("a/four", GitHubReplay.raw(502, "<html>Bad gateway</html>"));
        assertEquals(new GitHubStars.Pass(1, 0, 3, 0, null), stars.refresh(links), "one bad answer does not stop the others");
        assertEquals(StarsRepository.State.ERROR, repo.all().get("a/two").state());

        clock.advance(Duration.ofDays(1));
        github.answer("a/one", GitHubReplay.raw(200, "<!DOCTYPE html><title>Unicorn!</title>"));
        assertEquals(new GitHubStars.Pass(0, 0, 4, 0, null), stars.refresh(links));
        assertEquals(OptionalInt.of(42), new StarSnapshot(repo, clock).of("https://github.com/a/one"), "the last good count stays");

        clock.advance(Duration.ofMinutes(30));
        assertEquals(4, stars.refresh(links).fresh(), "not again within the hour");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(4, stars.refresh(links).failed());
    }

    @Test
    void pacedAndBoundedPerPassWithoutAToken() throws Exception {
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            links.add("https://github.com/org/repo" + i);
            github.answer("org/repo" + i, GitHubReplay.repo("org/repo" + i, i));
        }
        GitHubStars stars = stars(repo(TestDatabases.Kind.SQLITE), "");
        assertEquals(GitHubStars.PER_PASS_ANONYMOUS, stars.refresh(links).read());
        assertEquals(GitHubStars.PER_PASS_ANONYMOUS - 1, pauses.size(), "a pause between two requests");
        assertTrue(pauses.stream().allMatch(GitHubStars.PACE::equals));
        assertEquals(10, stars.refresh(links).read(), "the rest in the next pass");
    }

    @Test
    void noNetworkIsAFailureNotAnException() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        GitHubClient client = new GitHubClient(URI.create("http://127.0.0.1:" + closedPort), "", clock);
        assertTrue(client.stars("a/one") instanceof GitHubClient.Answer.Unreachable u && u.problem().contains("unreachable"));
        StarsRepository repo = repo(TestDatabases.Kind.SQLITE);
        GitHubStars stars = new GitHubStars(client, repo, pauses::add, clock);
        assertEquals(new GitHubStars.Pass(0, 0, 0, 0, null), stars.refresh(List.of("https://github.com/a/one", "https://github.com/a/two")));
        assertTrue(pauses.isEmpty(), "the pass stopped at the first unanswered request");
        assertTrue(repo.all().isEmpty(), "no network says nothing about a repository");
    }

    @Test
    void onlyRepositoryLinksOnGitHubCount() {
        assertEquals("huggingface/transformers", GitHubRepos.of("https://www.github.com/HuggingFace/Transformers/issues/1?x#y").orElseThrow());
        assertTrue(GitHubRepos.of("https://github.com/ada").isEmpty());
        assertTrue(GitHubRepos.of("https://gist.github.com/ada/0123").isEmpty());
        assertTrue(GitHubRepos.of("https://github.com/ada/../etc").isEmpty(), "nothing that changes the API path");
        assertTrue(GitHubRepos.of("https://github.com/a%2Fb/c").isEmpty());
        assertTrue(GitHubRepos.of(null).isEmpty());
    }
}
