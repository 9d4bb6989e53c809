package org.paperboy.web.community;

import java.util.List;
import org.paperboy.web.Card;
import org.paperboy.web.Meta;

/**
 * The trending page (community/trending.jte) in the listings' cards. When nothing was upvoted
 * lately, {@code fallbackDay} names the newest day whose papers it shows instead.
 */
public record TrendingPage(Meta meta, String csrf, List<PaperRow> rows, int days, List<Card> cards, Viewer viewer,
                           String fallbackDay, String fallbackHref) {

    public TrendingPage(Meta meta, String csrf, List<PaperRow> rows, int days) {
        this(meta, csrf, rows, days, List.of(), null, null, null);
    }
}
