package org.paperboy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.store.PaperRepository;

/**
 * Listings for pages, the API and feeds, with a short-lived cache in front of the database (see
 * {@link StampedCache}); votes and comments move a paper's change sequence, so they show at once.
 */
public final class ListingService {

    /** How long another node's votes may take to show here (this node's own show at once). */
    public static final long CACHE_TTL_MILLIS = 5_000;
    /** Per cache; a page entry holds ~50 papers and ~120 KB of HTML, so this bounds memory near 50 MB. */
    private static final int CACHE_ENTRIES = 128;

    private final PaperRepository papers;
    private final PaperJson json = new PaperJson();
    private final StampedCache<ListingQuery, CachedBody> apiBodies;
    private final StampedCache<String, Optional<LocalDate>> latest;
    private final StampedCache<ListingQuery, Object> pages;

    public ListingService(PaperRepository papers) {
        this.papers = papers;
        this.apiBodies = new StampedCache<>(papers::lastChangeSeq, System::currentTimeMillis, CACHE_TTL_MILLIS, CACHE_ENTRIES);
        this.latest = new StampedCache<>(papers::lastChangeSeq, System::currentTimeMillis, CACHE_TTL_MILLIS, 2);
        this.pages = new StampedCache<>(papers::lastChangeSeq, System::currentTimeMillis, CACHE_TTL_MILLIS, CACHE_ENTRIES);
    }

    private ListingResult load(ListingQuery q) {
        List<String> cats = q.categories().expanded();
        List<Paper> page = papers.listing(q.listing());
        int total = q.paging().offset() == 0 && page.size() < q.paging().limit() ? page.size() : papers.count(q.listing());
        return new ListingResult(q, page, total, papers.categoryCounts(q.period().from(), q.period().to()),
                papers.dayBefore(q.period().from(), cats), papers.dayAfter(q.period().to(), cats), latestDay(),
                papers.submitters(page.stream().map(p -> p.id().base()).toList()),
                papers.dayCounts(calendarMonth(q).atDay(1), calendarMonth(q).atEndOfMonth()));
    }

    /** The month the calendar beside a listing shows: the month of the period's first day. */
    static java.time.YearMonth calendarMonth(ListingQuery q) {
        return java.time.YearMonth.from(q.period().from());
    }

    /**
     * A page model built from a query's result, cached like the result: building cards, chips
     * and the chart costs more than rendering them, and none of it depends on who asks.
     */
    @SuppressWarnings("unchecked")
    public <T> T page(ListingQuery q, java.util.function.Function<ListingResult, T> build) {
        return (T) pages.get(q, () -> build.apply(load(q)));
    }

    /** The API's body for a query: the JSON array of daily entries, cached plain and compressed. */
    public CachedBody apiBody(ListingQuery q) {
        return apiBodies.get(q, () -> {
            List<Paper> list = papers.listing(q.listing());
            return CachedBody.of(json.bytes(json.dailyList(list, papers.submitters(list.stream().map(p -> p.id().base()).toList()))));
        });
    }

    public Optional<LocalDate> latestDay() {
        return latest.get("latest", papers::latestDay);
    }

    public Optional<LocalDate> latestFeaturedDay() {
        return latest.get("featured", papers::latestFeaturedDay);
    }
}
