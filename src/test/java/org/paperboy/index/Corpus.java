package org.paperboy.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.PaperMerger;

/** A small fixture corpus whose keyword and concept (FakeEmbedder) rankings are known. */
final class Corpus {
    static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    static final PaperMerger NEWER_WINS = (stored, incoming) -> incoming.id().version() >= stored.id().version() ? incoming : stored;

    static Paper paper(String id, int version, String title, String abstractText, LocalDate day, String author, boolean code, String... cats) {
        List<PaperVersion> versions = new ArrayList<>();
        for (int v = 1; v <= version; v++) versions.add(new PaperVersion(v, day, null));
        return new Paper(new ArxivId(id, version), title, List.of(Author.named(author), Author.named("Grace Hopper")), abstractText,
                cats[0], List.of(cats), null, null, null, null, day, null, versions, day,
                code ? List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/x/" + id)) : List.of(), 0, 0);
    }

    /** Keyword "car": 2601.00007 (car x4) then 2601.00001 (cars x2). Concept "car": 00002 (1 word), 00001 (2), 00007 (4). */
    static List<Paper> papers() {
        return List.of(
                paper("2601.00001", 1, "Electric cars and battery range",
                        "We measure battery range of electric cars over years of driving in cold climates.", DAY.plusDays(4), "Ada Lovelace", true, "cs.LG"),
                paper("2601.00002", 1, "Automobile safety testing", "Crash tests measure occupant injuries in frontal collisions.",
                        DAY.plusDays(9), "Alan Turing", false, "cs.RO"),
                paper("2601.00003", 1, "Protein folding with deep networks", "Predicting the structure of a protein from its sequence.",
                        DAY.plusDays(1), "Ada Lovelace", false, "q-bio.BM", "cs.LG"),
                paper("2601.00004", 1, "Galaxy formation simulations", "Simulations of how a galaxy forms over cosmic time.",
                        DAY.plusDays(2), "Vera Rubin", false, "astro-ph.GA"),
                paper("2601.00005", 1, "Neural machine translation", "Translation between low-resource language pairs with attention.",
                        DAY.plusDays(3), "Yann LeCun", true, "cs.CL"),
                paper("2601.00006", 1, "Speech recognition in noise", "Robust speech models for noisy recordings.",
                        DAY.plusDays(5), "Alan Turing", false, "cs.SD", "cs.CL"),
                paper("2601.00007", 1, "Car sharing economics", "Car sharing, car pools and car ownership in cities.",
                        DAY.plusDays(6), "Elinor Ostrom", false, "econ.GN"));
    }

    private Corpus() {}
}
