package org.paperboy.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.paperboy.notify.NotifyFixture.DAY;
import static org.paperboy.notify.NotifyFixture.paper;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.QueryParser;
import org.paperboy.index.SearchServices;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;

/** Topic alerts through the real Lucene index: a section holds what search returns for that period. */
class IndexTopicMatcherTest {
    @TempDir
    Path tmp;

    @Test
    void topicSectionsHoldWhatSearchReturnsForTheDigestsDays() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp);
             SearchServices search = new SearchServices(tmp, "", db, new PaperRepository(db), 1)) {
            NotifyFixture f = new NotifyFixture(db);
            f.addPapers(paper("2611.00010", "Attention sinks in streaming language models", "We study the attention sink.", DAY,
                    List.of("Guangxuan Xiao", "Song Han"), "cs.CL"),
                    paper("2611.00011", "Vision transformers at scale", "Patches and attention.", DAY, List.of("Alexey Dosovitskiy"), "cs.CV"));
            f.addPapers(paper("2611.00012", "Attention sink, revisited", "Older work on the attention sink.", DAY.minusDays(7),
                    List.of("Song Han"), "cs.CL"));
            search.follower().catchUp(n -> { });
            TopicMatcher matcher = new IndexTopicMatcher(search::search, f.papers, f.matcher);

            for (String topic : List.of("\"attention sink\"", "cat:cs.CV", "author:\"Song Han\"", "attention")) {
                List<String> expected = search.search().search(new PaperSearch.Request(
                        withPeriod(topic), PaperSearch.Mode.KEYWORD, PaperSearch.Order.RELEVANCE, 0, 10, false))
                        .hits().stream().map(PaperSearch.Hit::id).toList();
                assertEquals(expected, ids(matcher.matching(topic, DAY, DAY, 10)), topic);
            }
            assertEquals(List.of("2611.00010"), ids(matcher.matching("\"attention sink\"", DAY, DAY, 10)), "last week's paper is not new");
            // the catalog matcher (no server) reads the same language and finds the same papers
            for (String topic : List.of("attention after:" + DAY, "attention before:" + DAY, "cat:cs.CL cat:cs.CV attention",
                    "author:\"Song Han\" sink", "has:code attention")) {
                assertEquals(Set.copyOf(ids(matcher.matching(topic, DAY.minusDays(7), DAY, 10))),
                        Set.copyOf(ids(f.matcher.matching(topic, DAY.minusDays(7), DAY, 10))), topic);
            }
            assertEquals(List.of("2611.00012"), ids(f.matcher.matching("attention before:" + DAY, DAY.minusDays(7), DAY, 10)));
            assertThrows(InvalidInput.class, () -> TopicQuery.validate(List.of("has:cod")), "refused when saved, not dropped when sent");
            assertEquals(List.of("2611.00011"), ids(matcher.matching("cat:cs.CV", DAY, DAY, 10)));
            assertEquals(2, matcher.matching("author:\"Song Han\"", DAY.minusDays(7), DAY, 10).size());
            assertThrows(InvalidInput.class, () -> matcher.matching("\"", DAY, DAY, 10));

            DigestRun run = f.runs.createIfAbsent(DigestPeriod.daily(DAY), List.of("2611.00011"), f.clock.millis());
            Subscription s = new Subscription(1, "r@example.org", Frequency.DAILY, SubscriptionStatus.CONFIRMED,
                    List.of("\"attention sink\"", "author:nobody-at-all"), 0);
            DigestMail mail = new DigestMails(f.papers, matcher, f.links).build(run, s);
            assertEquals(1, mail.topics().size(), "a topic without matches gets no section");
            assertEquals("2611.00010", mail.topics().get(0).papers().get(0).id());

            TopicMatcher noServer = new IndexTopicMatcher(() -> null, f.papers, f.matcher);
            assertEquals(ids(f.matcher.matching("cat:cs.CV", DAY, DAY, 10)), ids(noServer.matching("cat:cs.CV", DAY, DAY, 10)),
                    "without a running index the catalog answers");
        }
    }

    private static ParsedQuery withPeriod(String topic) {
        var q = QueryParser.parse(topic);
        return new ParsedQuery(q.words(), q.phrases(), q.authors(), q.categories(), DAY, DAY.plusDays(1), q.hasCode(), q.arxivId());
    }

    private static List<String> ids(List<Paper> ps) {
        return ps.stream().map(p -> p.id().base()).toList();
    }
}
