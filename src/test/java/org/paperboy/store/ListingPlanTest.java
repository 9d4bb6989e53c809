package org.paperboy.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A day page must cost the same at 75,000 papers as at arXiv's 2.7 million: on PostgreSQL the
 * listing queries reach the period's papers through indexes. With sequential scans priced out, a
 * query that can only be answered by reading the whole papers table still shows "Seq Scan on
 * papers" in its plan (the planner has no other way), which is how the old
 * {@code listing_date ... OR arxiv_id IN (...)} form failed here.
 */
class ListingPlanTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"listing", "listing_count"})
    void aPeriodsPapersAreFoundThroughIndexesNotAScanOfTheCatalog(String query) {
        try (Database db = TestDatabases.open(TestDatabases.Kind.POSTGRESQL, tmp)) {
            String sql = ClasspathSqlLocator.create().locate(PaperRepository.class, query)
                    .replace("<categoryFilter>", "").replace("<featuredFirst>", "").replace("<order>", "upvotes DESC, listed_seq")
                    .replace(":from", "'2026-11-23'").replace(":to", "'2026-11-23'").replace(":limit", "50").replace(":offset", "0");
            List<String> plan = db.jdbi().withHandle(h -> {
                h.execute("SET enable_seqscan = off");
                return h.createQuery("EXPLAIN " + sql).mapTo(String.class).list();
            });
            String text = String.join("\n", plan);
            assertFalse(text.contains("Seq Scan on papers"), "the plan reads the whole papers table:\n" + text);
            assertTrue(text.contains("papers_listing"), "the plan does not use the listing-date index:\n" + text);
        }
    }
}
