package org.paperboy.ingest;

import java.time.LocalDate;
import org.paperboy.paper.Paper;

/** Copies of a paper with another listing date (records are immutable). */
final class ListingDates {
    private ListingDates() {}

    static Paper with(Paper p, LocalDate day) {
        return new Paper(p.id(), p.title(), p.authors(), p.abstractText(), p.primaryCategory(), p.categories(),
                p.comments(), p.journalRef(), p.doi(), p.license(), p.submitted(), p.updated(), p.versions(), day,
                p.codeLinks(), p.upvotes(), p.numComments());
    }
}
