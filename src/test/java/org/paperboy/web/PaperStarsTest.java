package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.enrich.StarSnapshot;
import org.paperboy.enrich.StarsRepository;
import org.paperboy.paper.CodeLink;
import org.paperboy.store.Database;
import org.paperboy.store.TestDatabases;

/** GitHub stars beside the repository's name on the paper page, read from repo_stars. */
class PaperStarsTest {

    @TempDir
    static Path tmp;
    static TestSite site;
    static Database db;

    @BeforeAll
    static void start() {
        db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
        StarsRepository repo = new StarsRepository(db);
        long now = Instant.now().toEpochMilli();
        repo.saveStars("ada/delta", 1234, now);
        repo.saveGone("ada/gone", now);
        site = new TestSite(TestDatabases.Kind.SQLITE, tmp, new StarSnapshot(repo, Clock.systemUTC()));
        site.add(TestSite.paper("2611.00004", "Delta", Fixture.DAY, List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/Ada/Delta"),
                        new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/ada/gone"), new CodeLink(CodeLink.Kind.GITLAB, "https://gitlab.com/ada/delta")), "cs.LG"));
    }

    @AfterAll
    static void stop() {
        site.close();
        db.close();
    }

    @Test
    void theStarsStandBesideTheRepositoryNameWithTheExactCountForScreenReaders() {
        String html = site.body("/papers/2611.00004");
        assertTrue(html.contains(">GitHub: Ada/Delta <span class=\"stars\" title=\"1,234 stars on GitHub\"><span aria-hidden=\"true\">★ 1.2k</span>"
                + "<span class=\"visually-hidden\">, 1,234 stars on GitHub</span></span></a>"), html);
        assertTrue(html.contains(">GitHub: ada/gone</a>"), "a gone repository: its name, no stars");
        assertTrue(html.contains(">GitLab: ada/delta</a>"));
    }

    @Test
    void compactCountsAsGitHubWritesThem() {
        assertEquals("0", StarLabel.compact(0));
        assertEquals("999", StarLabel.compact(999));
        assertEquals("1k", StarLabel.compact(1000));
        assertEquals("1.2k", StarLabel.compact(1234));
        assertEquals("9.9k", StarLabel.compact(9999));
        assertEquals("12k", StarLabel.compact(12_345));
        assertEquals("999k", StarLabel.compact(999_999));
        assertEquals("1.2M", StarLabel.compact(1_250_000));
        assertEquals("1 star on GitHub", StarLabel.exact(1));
        assertEquals("148,213 stars on GitHub", StarLabel.exact(148_213));
        assertFalse(StarLabel.compact(1_000_000).contains("1000"));
    }
}
