package org.paperboy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Submitter;

/**
 * One page of a listing with what its page shows around it: the total, papers per category, the
 * nearest periods before and after that have papers, and the latest day in the whole catalog.
 */
public record ListingResult(
        ListingQuery query,
        List<Paper> papers,
        int total,
        Map<String, Integer> categoryCounts,
        Optional<LocalDate> dayBefore,
        Optional<LocalDate> dayAfter,
        Optional<LocalDate> latestDay,
        Map<String, Submitter> submitters,
        Map<LocalDate, Integer> monthCounts) {

    public boolean catalogEmpty() {
        return latestDay.isEmpty();
    }
}
