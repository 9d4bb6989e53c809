package org.paperboy.rank;

import java.util.List;

/** One page of a listing: {@code page} counts from 0, {@code limit} papers per page. */
public record Paging(int page, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;
    /** Deep pages are refused rather than asking the database to skip millions of rows. */
    public static final int MAX_PAGE = 10_000;

    public static final Paging FIRST = new Paging(0, DEFAULT_LIMIT);

    public Paging {
        if (page < 0 || page > MAX_PAGE) throw new PeriodException("page (p) must be between 0 and " + MAX_PAGE + ", got " + page);
        if (limit < 1 || limit > MAX_LIMIT) throw new PeriodException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
    }

    /** From the query parameters {@code p} and {@code limit}; either may be null or empty. */
    public static Paging parse(String p, String limit) {
        return new Paging(number("p", p, 0), number("limit", limit, DEFAULT_LIMIT));
    }

    public int offset() {
        return page * limit;
    }

    public Paging next() {
        return new Paging(page + 1, limit);
    }

    public Paging previous() {
        return new Paging(Math.max(0, page - 1), limit);
    }

    /** This page of a whole list (empty past its end). */
    public <T> List<T> of(List<T> all) {
        int from = Math.min(all.size(), offset());
        return all.subList(from, Math.min(all.size(), from + limit));
    }

    /** Whether another page follows, given how many papers the whole listing holds. */
    public boolean hasNext(int total) {
        return (long) offset() + limit < total;
    }

    private static int number(String name, String text, int fallback) {
        if (text == null || text.isBlank()) return fallback;
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
            throw new PeriodException(name + " must be a whole number, got '" + shown + "'");
        }
    }
}
