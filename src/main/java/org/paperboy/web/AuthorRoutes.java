package org.paperboy.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/** {@code /authors/{name}}: an author's papers in the catalog, newest first. */
public final class AuthorRoutes implements RouteGroup {

    /** An author page lists at most this many papers. */
    static final int PAPERS_SHOWN = 200;
    static final int MAX_NAME = 200;

    private final PaperRepository papers;
    private final Templates templates;

    public AuthorRoutes(PaperRepository papers, Templates templates) {
        this.papers = papers;
        this.templates = templates;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/authors/{name}", this::page);
    }

    private void page(Context ctx) {
        String name = ctx.pathParam("name").strip();
        if (name.isEmpty() || name.length() > MAX_NAME) throw HttpError.badRequest("An author's name has 1 to " + MAX_NAME + " characters.");
        List<Paper> list = papers.byAuthor(name, PAPERS_SHOWN);
        if (list.isEmpty()) throw HttpError.notFound("No papers by " + name + " in this catalog.");
        Map<String, Integer> byCategory = list.stream().collect(Collectors.toMap(
                p -> p.primaryCategory() == null ? p.categories().get(0) : p.primaryCategory(), p -> 1, Integer::sum, TreeMap::new));
        Map<String, Integer> byYear = list.stream().filter(p -> p.listingDate() != null)
                .collect(Collectors.toMap(p -> String.valueOf(p.listingDate().getYear()), p -> 1, Integer::sum, TreeMap::new));
        String count = list.size() == 1 ? "1 paper" : list.size() + " papers";
        Meta meta = Meta.of(name + " · Paperboy", count + " by " + name + " in this catalog, newest first.");
        String topic = "author:\"" + name + "\"";
        AuthorPage page = new AuthorPage(meta, name, AuthorPage.initials(name), AuthorPage.hue(name),
                list.stream().map(Card::of).toList(), list.size(),
                BarChart.of("Papers per category", byCategory, Map.of()), BarChart.of("Papers per year", byYear, Map.of()),
                "/account/digest?follow=" + Urls.encode(topic), "/search?q=" + Urls.encode(topic));
        ListingRoutes.html(ctx, templates.render("author.jte", page));
    }
}
