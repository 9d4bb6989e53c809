package org.paperboy.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Period;
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
    private final UnaryOperator<List<Paper>> visitorOrder;
    private final PaperJson json = new PaperJson();
    private final StampedCache<ListingQuery, CachedBody> apiBodies;
    private final StampedCache<String, Optional<LocalDate>> latest;
    private final StampedCache<ListingQuery, Object> pages;

    public ListingService(PaperRepository papers) {
        this(papers, UnaryOperator.identity());
    }

    /**
     * @param visitorOrder orders a day's papers that nobody upvoted or submitted (the instance profile's
     *                     order); Top puts them after the voted and submitted ones
     */
    public ListingService(PaperRepository papers, UnaryOperator<List<Paper>> visitorOrder) {
        this.papers = papers;
        this.visitorOrder = visitorOrder;
        this.apiBodies = new StampedCache<>(papers::lastChangeSeq, System::currentTimeMillis, CACHE_TTL_MILLIS, CACHE_ENTRIES);
        this.latest = new StampedCache<>(papers::lastChangeSeq, System::currentTimeMillis, CACHE_TTL_MILLIS, 2);
        this.pages = new StampedCache<>(papers::lastChangeSeq, System::currentTimeMillis, CACHE_TTL_MILLIS, CACHE_ENTRIES);
    }

    private ListingResult load(ListingQuery q) {
        List<String> cats = q.categories().expanded();
        List<Paper> page;
        int total;
        if (isCuratedDay(q)) {
            List<Paper> day = curatedDay(q);
            total = day.size();
            page = day.subList(Math.min(q.paging().offset(), total), (int) Math.min((long) q.paging().offset() + q.paging().limit(), total));
        } else {
            page = papers.listing(q.listing());
            total = q.paging().offset() == 0 && page.size() < q.paging().limit() ? page.size() : papers.count(q.listing());
        }
        return new ListingResult(q, page, total, papers.categoryCounts(q.period().from(), q.period().to()),
                papers.dayBefore(q.period().from(), cats), papers.dayAfter(q.period().to(), cats), latestDay(),
                papers.submitters(page.stream().map(p -> p.id().base()).toList()),
                papers.dayCounts(calendarMonth(q).atDay(1), calendarMonth(q).atEndOfMonth()));
    }

    /** Top on a day page: with few voters most of the day has no votes, and that tail gets the instance's order. */
    static boolean isCuratedDay(ListingQuery q) {
        return q.sort() == ListingSort.UPVOTES && q.period() instanceof Period.Day;
    }

    /** The whole day: upvoted and submitted papers first (by upvotes), then the rest in the visitors' order. */
    private List<Paper> curatedDay(ListingQuery q) {
        List<Paper> day = papers.listing(q.listing().page(0, Integer.MAX_VALUE));
        Set<String> submitted = papers.submitters(day.stream().map(p -> p.id().base()).toList()).keySet();
        List<Paper> out = new ArrayList<>(day.size());
        List<Paper> tail = new ArrayList<>();
        for (Paper p : day) (p.upvotes() > 0 || submitted.contains(p.id().base()) ? out : tail).add(p);
        out.addAll(visitorOrder.apply(tail));
        return out;
    }

    /** The month the calendar beside a listing shows: the month of the period's first day. */
    static YearMonth calendarMonth(ListingQuery q) {
        return YearMonth.from(q.period().from());
    }

    /**
     * A page model built from a query's result, cached like the result: building cards, chips
     * and the chart costs more than rendering them, and none of it depends on who asks.
     */
    @SuppressWarnings("unchecked")
    public <T> T page(ListingQuery q, Function<ListingResult, T> build) {
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
