package org.paperboy.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

/**
 * Papers in Hugging Face's Daily Papers JSON shape, for the search and similar-papers endpoints.
 * A minimal mapping of search's own; the lead may replace it with the shared PaperJson maker.
 */
public final class SearchJson {

    private SearchJson() {}

    /** {@code {"paper":{...},"publishedAt","title","summary","numComments"}} as in /api/daily_papers. */
    public static Map<String, Object> result(Paper p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paper", paper(p));
        m.put("publishedAt", publishedAt(p));
        m.put("title", p.title());
        m.put("summary", p.abstractText());
        m.put("numComments", p.numComments());
        return m;
    }

    public static Map<String, Object> paper(Paper p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id().base());
        m.put("title", p.title());
        m.put("summary", p.abstractText());
        m.put("authors", authors(p.authors()));
        m.put("publishedAt", publishedAt(p));
        m.put("upvotes", p.upvotes());
        m.put("githubRepo", p.githubRepo());
        m.put("projectPage", p.projectPage());
        m.put("categories", p.categories());
        m.put("numComments", p.numComments());
        return m;
    }

    private static List<Map<String, Object>> authors(List<Author> authors) {
        return authors.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            return m;
        }).toList();
    }

    private static String publishedAt(Paper p) {
        return p.listingDate() == null ? null : p.listingDate() + "T00:00:00.000Z";
    }
}
