package org.paperboy.web;

import static org.paperboy.web.TestSite.paper;

import java.time.LocalDate;
import java.util.List;
import org.paperboy.paper.CodeLink;

/** A small catalog with known ranks: two weeks, two months, old- and new-style ids, votes. */
final class Fixture {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);           // a Monday, ISO week 2026-W48
    static final LocalDate FRIDAY_BEFORE = LocalDate.of(2026, 11, 20); // 2026-W47
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);     // 2026-W48
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);

    private Fixture() {}

    static void load(TestSite site) {
        site.add(
                paper("2611.00001", "Alpha: attention", DAY, "cs.CL"),
                paper("2611.00002", "Bravo: vision", DAY, "cs.CV"),
                paper("2611.00003", "Charlie: language and learning", DAY, "cs.CL", "cs.LG"),
                paper("2611.00004", "Delta: learning", DAY,
                        List.of(new CodeLink(CodeLink.Kind.GITHUB, "https://github.com/ada/delta")), "cs.LG"),
                paper("2611.00005", "Echo: earlier vision", FRIDAY_BEFORE, "cs.CV"),
                paper("hep-th/9901001", "Foxtrot: strings", WEDNESDAY, "hep-th"),
                paper("2612.00001", "Golf: december", DECEMBER, "cs.CL"));
        vote(site, "2611.00003", 9);
        vote(site, "2611.00001", 5);
    }

    /** Sets a paper's upvotes the way a vote does: in the transaction that moves its change sequence. */
    static void vote(TestSite site, String id, int upvotes) {
        site.db.jdbi().useTransaction(h -> {
            site.papers.touch(h, id);
            h.createUpdate("UPDATE papers SET upvotes = :n WHERE arxiv_id = :id").bind("n", upvotes).bind("id", id).execute();
        });
    }
}
