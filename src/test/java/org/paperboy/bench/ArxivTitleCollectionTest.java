package org.paperboy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.BeirEval;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

class ArxivTitleCollectionTest {
    @TempDir
    Path tmp;

    @Test
    void everyKthTitleAsksForItsOwnAbstractWhichLacksTheTitle() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<Paper> papers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            papers.add(new Paper(new ArxivId(String.format("2603.%05d", i + 1), 1), "Title number " + i + "\n  wrapped", List.of(Author.named("A B")),
                    "Abstract of paper " + i + ",\nwrapped by arXiv.", "cs.LG", List.of("cs.LG"), null, null, null, null, day, null, List.of(), day,
                    List.of(), 0, 0));
        }
        Path out = tmp.resolve("titles");
        assertEquals(3, ArxivTitleCollection.write(papers, out, 3), "papers 0, 3 and 6");

        List<String> corpus = Files.readAllLines(out.resolve("corpus.jsonl"));
        assertEquals(7, corpus.size());
        assertEquals("{\"_id\":\"2603.00004\",\"title\":\"\",\"text\":\"Abstract of paper 3, wrapped by arXiv.\"}", corpus.get(3));
        assertTrue(corpus.stream().noneMatch(l -> l.contains("Title number")), "a title is never in its own document");
        try (BeirEval eval = new BeirEval(out, tmp.resolve("work"))) {
            List<BeirEval.Query> queries = eval.queries();
            assertEquals(List.of("t2603.00001", "t2603.00004", "t2603.00007"), queries.stream().map(BeirEval.Query::id).toList());
            assertEquals("Title number 3 wrapped", queries.get(1).text());
            assertEquals(Map.of("2603.00004", 1), eval.qrels().get("t2603.00004"));
            assertFalse(eval.hasSplit(BeirEval.TRAIN));
        }
    }
}
