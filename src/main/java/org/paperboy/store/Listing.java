package org.paperboy.store;

import java.time.LocalDate;
import java.util.List;

/**
 * Which papers a listing shows: listing dates {@code from..to} inclusive, optionally only those
 * in any of {@code categories}, in {@code order}, one page of {@code limit} from {@code offset}.
 */
public record Listing(LocalDate from, LocalDate to, List<String> categories, Order order, int offset, int limit) {

    public enum Order {
        /** Upvotes, then newest day first, then arXiv's announcement order within a day. */
        UPVOTES("upvotes DESC, listing_date DESC, listed_seq ASC"),
        /** The cached trending score, then as {@link #UPVOTES}. */
        TRENDING("trending_score DESC, upvotes DESC, listing_date DESC, listed_seq ASC"),
        /** Newest listing first, ignoring votes. */
        NEWEST("listing_date DESC, listed_seq ASC"),
        /** Most recently listed first, within a day too: a feed's first page shows what arrived last. */
        LATEST_ADDED("listing_date DESC, listed_seq DESC");

        final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    public Listing {
        categories = List.copyOf(categories);
        if (to.isBefore(from)) throw new IllegalArgumentException("listing ends before it starts");
        if (offset < 0 || limit < 0) throw new IllegalArgumentException("negative offset or limit");
    }

    public static Listing day(LocalDate day) {
        return new Listing(day, day, List.of(), Order.UPVOTES, 0, Integer.MAX_VALUE);
    }

    public Listing page(int newOffset, int newLimit) {
        return new Listing(from, to, categories, order, newOffset, newLimit);
    }

    public Listing inCategories(List<String> cats) {
        return new Listing(from, to, cats, order, offset, limit);
    }

}
