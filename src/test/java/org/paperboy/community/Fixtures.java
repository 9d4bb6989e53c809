package org.paperboy.community;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.PaperRepository;

/** Papers and accounts for community tests. */
final class Fixtures {
    static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private Fixtures() {}

    static Paper paper(String id, String title, LocalDate listed) {
        return new Paper(new ArxivId(id, 1), title, List.of(new Author("Ada Lovelace", null)), "An abstract about " + title + ".",
                "cs.CL", List.of("cs.CL"), null, null, null, null, listed, null,
                List.of(new PaperVersion(1, listed, null)), listed, List.of(), 0, 0);
    }

    static void addPapers(PaperRepository papers, String... ids) {
        List<Paper> ps = Arrays.stream(ids).map(id -> paper(id, "Paper " + id, DAY)).toList();
        papers.upsert(ps, DAY, (old, incoming) -> incoming);
    }
}
