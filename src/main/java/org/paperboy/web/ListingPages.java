package org.paperboy.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.paper.Paper;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.ListingSort;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;

/** Turns a {@link ListingResult} into the page record that listing.jte renders. */
final class ListingPages {

    /** Category chips offered above a listing, the most frequent first (active ones always shown). */
    static final int CHIPS_SHOWN = 12;

    private final String baseUrl;

    ListingPages(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ListingPage page(ListingResult r) {
        ListingQuery q = r.query();
        Period period = q.period();
        String heading = "Papers of " + period.label();
        String filterText = q.categories().isEmpty() ? "" : " in " + String.join(", ", q.categories().categories());
        String description = r.total() + " arXiv papers" + filterText + " listed " + describe(period) + ", ranked by upvotes.";
        Meta meta = Meta.of(heading + filterText + " · Paperboy", description).withCanonical(baseUrl + Urls.listing(q));
        Map<String, String> chartLinks = new LinkedHashMap<>();
        r.categoryCounts().keySet().forEach(c -> chartLinks.put(c, Urls.listing(q.withCategories(CategoryFilter.NONE.toggle(c)))));
        BarChart chart = BarChart.of("Papers per category, " + period.label(), r.categoryCounts(), chartLinks);
        return new ListingPage(meta, heading + filterText, period.kind().name().toLowerCase(Locale.ROOT),
                tabs(q, r), sorts(q), previous(q, r), next(q, r), chips(q, r),
                q.categories().isEmpty() ? null : Urls.listing(q.withCategories(CategoryFilter.NONE)),
                chart, r.papers().stream().map(p -> Card.of(p, submitterName(r, p))).toList(), r.total(), q.paging().offset() + 1,
                q.paging().page() > 0 ? NavLink.to("Previous page", Urls.listing(q.withPaging(q.paging().previous()))) : null,
                q.paging().hasNext(r.total()) ? NavLink.to("More papers", Urls.listing(q.withPaging(q.paging().next()))) : null,
                period instanceof Period.Day d ? Urls.dayFeed(d, q.categories()) : "/feed.atom", Urls.api(q), calendar(q, r));
    }

    private static Calendar calendar(ListingQuery q, ListingResult r) {
        YearMonth month = ListingService.calendarMonth(q);
        LocalDate current = q.period() instanceof Period.Day d ? d.from() : null;
        return Calendar.of(month, r.monthCounts(), current,
                day -> Urls.listing(new ListingQuery(new Period.Day(day), q.categories(), new Paging(0, q.paging().limit()), q.sort())),
                Urls.listing(new ListingQuery(new Period.Month(month), q.categories(), new Paging(0, q.paging().limit()), q.sort())));
    }

    private static String describe(Period p) {
        return switch (p) {
            case Period.Day d -> "on " + d.label();
            case Period.Week w -> "in " + w.label();
            case Period.Month m -> "in " + m.label();
        };
    }

    /** Day, week and month around the same date; a week or month page's day tab is its last day with papers. */
    private static List<NavLink> tabs(ListingQuery q, ListingResult r) {
        Period p = q.period();
        LocalDate anchor = p instanceof Period.Day ? p.from() : lastDayWithPapers(p, r);
        Period day = new Period.Day(anchor);
        Period week = Period.Week.containing(anchor);
        Period month = new Period.Month(YearMonth.from(anchor));
        return List.of(
                new NavLink("Day", Urls.listing(q.withPeriod(day)), p.kind() == Period.Kind.DAY),
                new NavLink("Week", Urls.listing(q.withPeriod(week)), p.kind() == Period.Kind.WEEK),
                new NavLink("Month", Urls.listing(q.withPeriod(month)), p.kind() == Period.Kind.MONTH));
    }

    private static LocalDate lastDayWithPapers(Period p, ListingResult r) {
        LocalDate latest = r.latestDay().orElse(p.to());
        if (p.contains(latest)) return latest;
        return r.dayAfter().isPresent() || latest.isAfter(p.to()) ? p.to() : p.from();
    }

    private static List<NavLink> sorts(ListingQuery q) {
        List<NavLink> out = new ArrayList<>();
        for (ListingSort s : ListingSort.values()) {
            String label = switch (s) {
                case UPVOTES -> "Top";
                case TRENDING -> "Trending";
                case NEWEST -> q.period() instanceof Period.Day ? "All papers of the day" : "Newest";
            };
            ListingQuery sq = new ListingQuery(q.period(), q.categories(), new Paging(0, q.paging().limit()), s);
            out.add(new NavLink(label, Urls.listing(sq), s == q.sort()));
        }
        out.add(NavLink.to("For you", Urls.forYou(q.period())));
        return out;
    }

    private static NavLink previous(ListingQuery q, ListingResult r) {
        return r.dayBefore().map(d -> neighbour(q, d, "Previous")).orElse(null);
    }

    private static NavLink next(ListingQuery q, ListingResult r) {
        return r.dayAfter().map(d -> neighbour(q, d, "Next")).orElse(null);
    }

    private static NavLink neighbour(ListingQuery q, LocalDate day, String word) {
        Period target = switch (q.period()) {
            case Period.Day d -> new Period.Day(day);
            case Period.Week w -> Period.Week.containing(day);
            case Period.Month m -> new Period.Month(YearMonth.from(day));
        };
        String noun = q.period().kind().name().toLowerCase(Locale.ROOT);
        return new NavLink(word + " " + noun + ": " + target.label(), Urls.listing(q.withPeriod(target)), false);
    }

    private static List<Chip> chips(ListingQuery q, ListingResult r) {
        List<Chip> chips = new ArrayList<>();
        int shown = 0;
        for (var e : r.categoryCounts().entrySet()) {
            boolean active = q.categories().has(e.getKey());
            if (!active && shown >= CHIPS_SHOWN) continue;
            if (!active) shown++;
            chips.add(new Chip(e.getKey(), e.getValue(), active, Urls.listing(q.withCategories(q.categories().toggle(e.getKey())))));
        }
        for (String c : q.categories().categories()) {
            if (!r.categoryCounts().containsKey(c)) {
                chips.add(new Chip(c, 0, true, Urls.listing(q.withCategories(q.categories().toggle(c)))));
            }
        }
        return chips;
    }

    private static String submitterName(ListingResult r, Paper p) {
        var s = r.submitters().get(p.id().base());
        return s == null ? null : s.username();
    }
}
