package org.paperboy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.paperboy.community.User;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import org.paperboy.rank.Paging;
import org.paperboy.rank.Period;
import org.paperboy.recommend.ForYou;
import org.paperboy.recommend.SeedIds;
import org.paperboy.recommend.SignalRepository;
import org.paperboy.recommend.Signals;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.paperboy.web.community.AccountSessions;
import org.paperboy.web.community.NoticePage;

/**
 * For you: the reader's ranked page, the library, onboarding and the signal forms, and the API
 * ({@code /api/recommendations}, {@code /api/papers/{id}/save|hide}). Everything here belongs to
 * the signed-in reader; the API answers 401 without a token and never shows another reader's data.
 */
public final class ForYouRoutes implements RouteGroup {
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Papers offered to pick from on the onboarding page. */
    static final int ONBOARDING_PAPERS = 12;
    static final int ONBOARDING_CATEGORIES = 16;
    /** Retry-After of the API while the start's count runs. */
    static final int GETTING_READY_RETRY_SECONDS = 30;

    private final ForYou forYou;
    private final Signals signals;
    private final PaperRepository papers;
    private final ListingService listings;
    private final Templates templates;
    private final Csrf csrf;
    private final PaperJson json = new PaperJson();
    /**
     * The JSON of each reader's latest answer, with the ranking it was written from: a remembered
     * ranking is the same list object until a signal or the catalog changes (votes and comment
     * counts in the JSON included), so the same list means the same bytes.
     */
    private final Map<Long, Answer> answers = new ConcurrentHashMap<>();
    static final int ANSWERS_KEPT = 256;

    private record Answer(List<ForYou.Pick> picks, Paging paging, byte[] json) {}

    public ForYouRoutes(ForYou forYou, Signals signals, PaperRepository papers, ListingService listings, Templates templates, Csrf csrf) {
        this.forYou = forYou;
        this.signals = signals;
        this.papers = papers;
        this.listings = listings;
        this.templates = templates;
        this.csrf = csrf;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.before("/", this::defaultOrder);
        routes.before("/papers", this::defaultOrder);
        routes.get("/api/recommendations", this::apiRecommendations);
        routes.post("/api/papers/{id}/save", ctx -> apiMark(ctx, true, true));
        routes.delete("/api/papers/{id}/save", ctx -> apiMark(ctx, true, false));
        routes.post("/api/papers/{id}/hide", ctx -> apiMark(ctx, false, true));
        routes.delete("/api/papers/{id}/hide", ctx -> apiMark(ctx, false, false));
        routes.get("/for-you", this::page);
        routes.get("/library", this::library);
        routes.get("/library.bib", this::libraryBibtex);
        routes.get("/onboarding", this::onboarding);
        routes.post("/onboarding", this::onboard);
        routes.post("/for-you/{id}/{action}", this::formAction);
        routes.post("/account/follows", this::follow);
        routes.post("/account/seed", this::seed);
        routes.get("/account/data", this::export);
        routes.post("/admin/instance-seed", this::instanceSeed);
    }

    /**
     * For you is the default order of a signed-in reader with enough signals: a day page asked for
     * without a sort goes there; "Top" and the other sorts (an explicit sort) stay where they are.
     */
    private void defaultOrder(Context ctx) {
        User u = AccountSessions.viewer(ctx);
        if (u == null || !"GET".equals(ctx.method().name()) || ctx.header("Authorization") != null) return;
        if (ctx.queryParam("sort") != null || ctx.queryParam("cat") != null || ctx.queryParam("p") != null) return;
        // a day page never waits for a large catalog's first count (most of a minute after a start): For you takes over after it
        if (!forYou.ranksReadersNow() || !forYou.hasEnoughSignals(u.id())) return;
        ctx.redirect("/for-you" + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
    }

    // ---- API ----

    private User apiReader(Context ctx) {
        User u = AccountSessions.viewer(ctx);
        if (u == null || ctx.header("Authorization") == null) {
            throw new HttpError(401, "Send Authorization: Bearer TOKEN with a personal API token (see /account).");
        }
        return u;
    }

    /** The period's papers in the reader's order, paged as {@code /api/daily_papers} is ({@code p}, {@code limit}). */
    private void apiRecommendations(Context ctx) {
        User u = apiReader(ctx);
        Optional<Period> period = period(ctx);
        Paging paging = Params.parse(() -> Paging.parse(ctx.queryParam("p"), ctx.queryParam("limit")));
        if (!forYou.ranksReadersNow()) {
            ctx.header("Retry-After", String.valueOf(GETTING_READY_RETRY_SECONDS));
            throw new HttpError(503, ForYouPage.GETTING_READY + " Try again in a minute.");
        }
        List<ForYou.Pick> picks = period.map(p -> ranked(u, p)).orElse(List.of());
        Answer known = answers.get(u.id());
        if (known != null && known.picks() == picks && known.paging().equals(paging)) {
            ctx.contentType(JSON).result(known.json());
            return;
        }
        List<ForYou.Pick> page = paging.of(picks);
        ArrayNode out = MAPPER.createArrayNode();
        var submitters = papers.submitters(page.stream().map(p -> p.paper().id().base()).toList());
        for (ForYou.Pick p : page) {
            ObjectNode entry = json.dailyEntry(p.paper(), submitters.get(p.paper().id().base()));
            entry.put("score", Math.round(p.score() * 1e4) / 1e4);
            entry.put("reason", p.reason());
            out.add(entry);
        }
        byte[] bytes = json.bytes(out);
        if (answers.size() >= ANSWERS_KEPT) answers.clear();
        answers.put(u.id(), new Answer(picks, paging, bytes));
        ctx.contentType(JSON).result(bytes);
    }

    private void apiMark(Context ctx, boolean save, boolean on) {
        User u = apiReader(ctx);
        String id = Params.arxivId(ctx.pathParam("id")).base();
        apply(u, id, save, on);
        ctx.contentType(JSON).result(json.bytes(MAPPER.createObjectNode().put("id", id).put(save ? "saved" : "hidden", on)));
    }

    private void apply(User u, String id, boolean save, boolean on) {
        if (save && on) signals.save(u.id(), id);
        else if (save) signals.unsave(u.id(), id);
        else if (on) signals.hide(u.id(), id);
        else signals.unhide(u.id(), id);
    }

    // ---- pages ----

    private User reader(Context ctx) {
        User u = AccountSessions.viewer(ctx);
        if (u == null) ctx.redirect("/login?next=" + Urls.encode(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())), HttpStatus.SEE_OTHER);
        return u;
    }

    private void page(Context ctx) {
        User u = AccountSessions.viewer(ctx);
        Optional<Period> period = period(ctx);
        if (u == null) {
            visitorPage(ctx, period);
            return;
        }
        // knowing the reader's signals means training their model, which waits for the start's count too
        boolean ready = forYou.ranksReadersNow();
        if (ready && ctx.queryParam("date") == null && ctx.queryParam("week") == null && !forYou.hasEnoughSignals(u.id())) {
            ctx.redirect("/onboarding", HttpStatus.SEE_OTHER);
            return;
        }
        List<ForYou.Pick> picks = period.map(p -> ready ? ranked(u, p) : forYou.unranked(u.id(), listed(p))).orElse(List.of());
        Set<String> saved = Set.copyOf(signals.repository().ids(u.id(), SignalRepository.SAVE));
        String label = period.map(Period::label).orElse("no papers yet");
        String param = param(ctx);
        render(ctx, new ForYouPage(Meta.of("For you · " + label + " · Paperboy", "Papers ranked for you"), "For you · " + label, param,
                picks.stream().map(p -> entry(p.paper(), p.reason(), saved.contains(p.paper().id().base()), p.score())).toList(),
                csrf.token(ctx), ready ? "for-you" : "for-you-getting-ready", List.of(), List.of(), List.of()));
    }

    /**
     * Without a reader: the period's submitted and upvoted papers first (as on Top), then the rest in
     * the instance profile's order (the admin's seeds, else every reader's signals together).
     */
    private void visitorPage(Context ctx, Optional<Period> period) {
        List<Paper> listed = period.map(this::listed).orElse(List.of());
        Set<String> submitted = papers.submitters(listed.stream().map(p -> p.id().base()).toList()).keySet();
        List<Paper> first = listed.stream().filter(p -> p.upvotes() > 0 || submitted.contains(p.id().base())).toList();
        List<Paper> rest = listed.stream().filter(p -> p.upvotes() == 0 && !submitted.contains(p.id().base())).toList();
        List<ForYouPage.Entry> entries = new ArrayList<>();
        for (Paper p : first) entries.add(entry(p, p.upvotes() > 0 ? p.upvotes() + " upvotes" : "submitted", false, Double.NaN));
        for (ForYou.Pick p : forYou.rankForVisitors(rest)) entries.add(entry(p.paper(), "", false, p.score()));
        String label = period.map(Period::label).orElse("no papers yet");
        render(ctx, new ForYouPage(Meta.of("Picks · " + label + " · Paperboy", "The day's papers in this instance's order"),
                "Picks for this lab · " + label, param(ctx), entries, csrf.token(ctx), "visitor", List.of(), List.of(), List.of()));
    }

    /** An admin seeds the instance profile (the lab's own papers) that orders the visitors' page. */
    private void instanceSeed(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        if (!u.admin()) throw new HttpError(403, "Only an admin can seed the instance profile.");
        int added = 0;
        for (String id : SeedIds.find(ctx.formParam("seed"))) {
            if (papers.findShown(id).isPresent() && signals.repository().seedInstance(id, System.currentTimeMillis())) added++;
        }
        ctx.contentType("text/html; charset=utf-8").result(templates.render("community/notice.jte",
                new NoticePage(Meta.of("Instance profile · Paperboy", "Seeded"), "Instance profile",
                        added + " papers added to the instance profile.", "/for-you", "Picks")));
    }

    private void library(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        List<String> ids = signals.repository().ids(u.id(), SignalRepository.SAVE);
        Map<String, Paper> found = papers.findMany(ids);
        List<ForYouPage.Entry> entries = ids.stream().filter(found::containsKey).map(id -> entry(found.get(id), "", true, Double.NaN)).toList();
        List<String> follows = signals.repository().follows(u.id()).stream().map(f -> f.kind() + ": " + f.target()).toList();
        List<ForYouPage.Entry> seeds = signals.repository().ids(u.id(), SignalRepository.SEED).stream()
                .map(id -> found(id).map(p -> entry(p, "added to your profile", false, Double.NaN)).orElse(null))
                .filter(Objects::nonNull).toList();
        render(ctx, new ForYouPage(Meta.of("Your library · Paperboy", "Papers you saved"), "Your library", "", entries, csrf.token(ctx), "library",
                List.of(), seeds, follows));
    }

    private Optional<Paper> found(String id) {
        return papers.findShown(id);
    }

    /** BibTeX of the whole library, or of the ids ticked ({@code ?id=..&id=..}), each of which must be saved. */
    private void libraryBibtex(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        List<String> saved = signals.repository().ids(u.id(), SignalRepository.SAVE);
        List<String> wanted = ctx.queryParams("id").isEmpty() ? saved : ctx.queryParams("id").stream().filter(saved::contains).toList();
        Map<String, Paper> found = papers.findMany(wanted);
        String body = wanted.stream().filter(found::containsKey).map(id -> Bibtex.of(found.get(id))).collect(Collectors.joining("\n"));
        ctx.header("Content-Disposition", "attachment; filename=\"paperboy-library.bib\"");
        ctx.contentType("application/x-bibtex; charset=utf-8").result(body);
    }

    private void onboarding(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        Optional<LocalDate> latest = listings.latestDay();
        List<Paper> recent = latest.map(d -> papers.listing(new Listing(d.minusDays(7), d, List.of(), Listing.Order.UPVOTES, 0, ONBOARDING_PAPERS)))
                .orElse(List.of());
        List<String> cats = latest.map(d -> papers.categoryCounts(d.minusDays(30), d).entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(ONBOARDING_CATEGORIES).map(Map.Entry::getKey).toList())
                .orElse(List.of());
        render(ctx, new ForYouPage(Meta.of("Set up For you · Paperboy", "Pick categories and papers"), "Set up For you", "", List.of(),
                csrf.token(ctx), "onboarding", cats, recent.stream().map(p -> entry(p, "", false, Double.NaN)).toList(), List.of()));
    }

    private void onboard(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        for (String c : ctx.formParams("category")) signals.follow(u.id(), SignalRepository.CATEGORY, c);
        for (String id : ctx.formParams("paper")) signals.save(u.id(), id);
        String pasted = ctx.formParam("seed");
        if (pasted != null && !pasted.isBlank()) signals.seed(u.id(), pasted);
        ctx.redirect("/for-you", HttpStatus.SEE_OTHER);
    }

    /** The no-JavaScript forms of the cards: save, unsave, hide, unhide, unseed. */
    private void formAction(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        String id = Params.arxivId(ctx.pathParam("id")).base();
        switch (ctx.pathParam("action")) {
            case "save" -> apply(u, id, true, true);
            case "unsave" -> apply(u, id, true, false);
            case "hide" -> apply(u, id, false, true);
            case "unhide" -> apply(u, id, false, false);
            case "unseed" -> signals.unseed(u.id(), id);
            default -> throw HttpError.notFound("unknown action");
        }
        ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
    }

    private void follow(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        String kind = ctx.formParam("kind");
        String target = ctx.formParam("target");
        if ("1".equals(ctx.formParam("undo"))) signals.unfollow(u.id(), kind, target);
        else signals.follow(u.id(), kind, target);
        ctx.redirect(back(ctx), HttpStatus.SEE_OTHER);
    }

    private void seed(Context ctx) {
        User u = reader(ctx);
        if (u == null) return;
        StringBuilder text = new StringBuilder(Optional.ofNullable(ctx.formParam("seed")).orElse(""));
        var file = ctx.uploadedFile("file");
        if (file != null) {
            try (var in = file.content()) {
                text.append('\n').append(new String(in.readNBytes(2_000_000), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw HttpError.badRequest("the upload could not be read");
            }
        }
        Signals.SeedResult r = signals.seed(u.id(), text.toString());
        ctx.contentType("text/html; charset=utf-8").result(templates.render("community/notice.jte",
                new NoticePage(Meta.of("Profile seeded · Paperboy", "Seeded"), "Profile seeded",
                        r.added().size() + " papers added to your profile" + (r.unknown().isEmpty() ? "." : "; not in this catalog: "
                                + String.join(", ", r.unknown().subList(0, Math.min(20, r.unknown().size()))) + "."), "/library", "Your library")));
    }

    private void export(Context ctx) {
        User u = AccountSessions.viewer(ctx);
        if (u == null) throw new HttpError(401, "Log in to download your data.");
        Signals.Export e = signals.export(u.id());
        ObjectNode root = MAPPER.createObjectNode();
        root.put("username", u.username());
        ArrayNode marks = root.putArray("papers");
        for (SignalRepository.Mark m : e.papers()) marks.addObject().put("id", m.arxivId()).put("signal", m.kind()).put("at", m.createdAt());
        ArrayNode follows = root.putArray("follows");
        for (SignalRepository.Follow f : e.follows()) follows.addObject().put("kind", f.kind()).put("target", f.target()).put("at", f.createdAt());
        ctx.header("Content-Disposition", "attachment; filename=\"paperboy-data.json\"");
        ctx.contentType(JSON).result(json.bytes(root));
    }

    // ---- helpers ----

    /** The reader's ranking of the period, remembered until their signals or the catalog change. */
    private List<ForYou.Pick> ranked(User u, Period p) {
        return forYou.rank(u.id(), p.kind() + ":" + p.key(), () -> listed(p));
    }

    private List<Paper> listed(Period p) {
        return papers.listing(new Listing(p.from(), p.to(), List.of(), Listing.Order.UPVOTES, 0, Integer.MAX_VALUE));
    }

    private Optional<Period> period(Context ctx) {
        String date = given(ctx, "date"), week = given(ctx, "week"), month = given(ctx, "month");
        int n = (date != null ? 1 : 0) + (week != null ? 1 : 0) + (month != null ? 1 : 0);
        if (n > 1) throw HttpError.badRequest("give one of date, week or month, not several");
        if (date != null) return Optional.of(Params.period(() -> Period.day(date)));
        if (week != null) return Optional.of(Params.period(() -> Period.week(week)));
        if (month != null) return Optional.of(Params.period(() -> Period.month(month)));
        return listings.latestDay().map(Period.Day::new);
    }

    private static String given(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** The period as the query string that asked for it (the page's links keep it). */
    private static String param(Context ctx) {
        for (String name : List.of("date", "week", "month")) {
            String v = given(ctx, name);
            if (v != null) return name + "=" + Urls.encode(v);
        }
        return "";
    }

    private static String back(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) return "/for-you";
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) return "/for-you";
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/for-you";
        }
    }

    private static ForYouPage.Entry entry(Paper p, String reason, boolean saved, double score) {
        List<Author> a = p.authors();
        String authors = a.stream().limit(3).map(Author::name).collect(Collectors.joining(", ")) + (a.size() > 3 ? " et al." : "");
        return new ForYouPage.Entry(p.id().base(), p.title(), authors, String.join(" ", p.categories()), reason, saved,
                Double.isNaN(score) ? "" : String.format(Locale.ROOT, "%.2f", score));
    }

    private void render(Context ctx, ForYouPage page) {
        ctx.contentType("text/html; charset=utf-8").result(templates.render("foryou.jte", page));
    }
}
