package org.paperboy.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;

/** The site's URLs, built in one place so that pages, feeds and tests agree. */
public final class Urls {

    private Urls() {}

    public static String paper(String baseId) {
        return "/papers/" + baseId;
    }

    /** An author's page; the name is one path segment, so spaces become %20 and slashes are escaped. */
    public static String author(String name) {
        return "/authors/" + encode(name).replace("+", "%20");
    }

    public static String listing(ListingQuery q) {
        return listing(q.period(), q.categories(), q.paging(), q.sort());
    }

    /** The reader's For-you order of a period (sign-in needed). */
    public static String forYou(Period period) {
        return "/for-you?" + switch (period) {
            case Period.Day d -> "date=" + d.key();
            case Period.Week w -> "week=" + w.key();
            case Period.Month m -> "month=" + m.key();
        };
    }

    public static String listing(Period period, CategoryFilter cats, Paging paging, ListingSort sort) {
        List<String> params = new ArrayList<>();
        String path = switch (period) {
            case Period.Day d -> {
                params.add("date=" + d.key());
                yield "/papers";
            }
            case Period.Week w -> "/papers/week/" + w.key();
            case Period.Month m -> "/papers/month/" + m.key();
        };
        if (!cats.isEmpty()) params.add("cat=" + encode(cats.param()));
        if (sort != ListingSort.UPVOTES) params.add("sort=" + sort.param);
        if (paging.page() > 0) params.add("p=" + paging.page());
        if (paging.limit() != Paging.DEFAULT_LIMIT) params.add("limit=" + paging.limit());
        return params.isEmpty() ? path : path + "?" + String.join("&", params);
    }

    public static String dayFeed(Period.Day day, CategoryFilter cats) {
        return "/papers/" + day.key() + ".atom" + (cats.isEmpty() ? "" : "?cat=" + encode(cats.param()));
    }

    public static String api(ListingQuery q) {
        String key = switch (q.period()) {
            case Period.Day d -> "date=" + d.key();
            case Period.Week w -> "week=" + w.key();
            case Period.Month m -> "month=" + m.key();
        };
        return "/api/daily_papers?" + key + (q.categories().isEmpty() ? "" : "&cat=" + encode(q.categories().param()));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
