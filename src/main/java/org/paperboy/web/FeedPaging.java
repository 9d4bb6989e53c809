package org.paperboy.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pages of a feed too long for one document (RFC 5005 section 3, "paged feeds"): page {@code p}
 * (from 0) of {@code total} entries, {@code size} per page, and the links between pages. A reader
 * that follows {@code next} until there is none has seen every entry.
 */
record FeedPaging(int page, int size, int total) {

    /** Deep pages are refused like the listing's, rather than skipping millions of rows. */
    static final int MAX_PAGE = 10_000;

    static int parsePage(String text) {
        if (text == null || text.isBlank()) return 0;
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 0 && p <= MAX_PAGE) return p;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw HttpError.badRequest("p: expected a page number from 0 to " + MAX_PAGE + ", got '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }

    int offset() {
        return page * size;
    }

    int lastPage() {
        return total == 0 ? 0 : (total - 1) / size;
    }

    /** first/previous/next/last for a feed at {@code url} whose other parameters are {@code query} ("" or "cat=..."). */
    Map<String, String> links(String url, String query) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("first", at(url, query, 0));
        if (page > 0) links.put("previous", at(url, query, Math.min(page - 1, lastPage())));
        if (page < lastPage()) links.put("next", at(url, query, page + 1));
        links.put("last", at(url, query, lastPage()));
        return links;
    }

    static String at(String url, String query, int p) {
        String params = (query.isEmpty() ? "" : query) + (p == 0 ? "" : (query.isEmpty() ? "" : "&") + "p=" + p);
        return params.isEmpty() ? url : url + "?" + params;
    }
}
