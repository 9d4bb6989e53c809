package org.paperboy.web;

import java.util.List;

/**
 * The daily, weekly or monthly listing (listing.jte). {@code previous}/{@code next} are the
 * nearest periods with papers, null when there are none; {@code morePage}/{@code previousPage}
 * page within the period.
 */
public record ListingPage(
        Meta meta,
        String heading,
        String kind,
        List<NavLink> tabs,
        List<NavLink> sorts,
        NavLink previous,
        NavLink next,
        List<Chip> chips,
        String clearFilterHref,
        BarChart chart,
        List<Card> cards,
        int total,
        int firstShown,
        NavLink previousPage,
        NavLink morePage,
        String feedHref,
        String apiHref,
        Calendar calendar) {

    public boolean filtered() {
        return clearFilterHref != null;
    }

    public int lastShown() {
        return firstShown + cards.size() - 1;
    }
}
