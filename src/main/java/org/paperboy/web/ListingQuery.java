package org.paperboy.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;
import org.paperboy.store.Listing;

/** What a listing page, API call or feed asks for; a record, so it is also the cache key. */
public record ListingQuery(Period period, CategoryFilter categories, Paging paging, ListingSort sort) {

    /** The category filter, page and sort of a request; the period comes from the route. */
    public static ListingQuery of(Context ctx, Period period) {
        return Params.parse(() -> new ListingQuery(period, categories(ctx), Paging.parse(ctx.queryParam("p"), ctx.queryParam("limit")),
                ListingSort.parse(ctx.queryParam("sort"))));
    }

    static CategoryFilter categories(Context ctx) {
        List<String> values = new ArrayList<>(ctx.queryParams("cat"));
        values.addAll(ctx.queryParams("category"));
        return CategoryFilter.parse(values);
    }

    public Listing listing() {
        Listing.Order order = switch (sort) {
            case UPVOTES -> Listing.Order.UPVOTES;
            case TRENDING -> Listing.Order.TRENDING;
            case NEWEST -> Listing.Order.NEWEST;
        };
        return new Listing(period.from(), period.to(), categories.expanded(), order, paging.offset(), paging.limit());
    }

    public ListingQuery withPeriod(Period p) {
        return new ListingQuery(p, categories, new Paging(0, paging.limit()), sort);
    }

    public ListingQuery withPaging(Paging p) {
        return new ListingQuery(period, categories, p, sort);
    }

    public ListingQuery withCategories(CategoryFilter c) {
        return new ListingQuery(period, c, new Paging(0, paging.limit()), sort);
    }
}
