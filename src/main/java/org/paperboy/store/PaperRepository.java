package org.paperboy.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.paper.Submitter;

/** The papers table and its satellites (categories, versions); the catalog's source of truth. */
public final class PaperRepository {

    /** What a visitor reads where a hidden paper would be. */
    public static final String HIDDEN_NOTICE = "This paper was removed from the feed (by a moderator, or because arXiv withdrew it).";

    private final Jdbi jdbi;
    private final ClasspathSqlLocator sql = ClasspathSqlLocator.create();

    public PaperRepository(Database db) {
        this.jdbi = db.jdbi();
    }

    private String sql(String name) {
        return sql.locate(PaperRepository.class, name);
    }

    /**
     * Inserts new papers and merges known ones in one transaction. An incoming record identical to
     * the last one applied is skipped by its hash without reading the stored paper.
     *
     * @param listingDate the listing date of a new paper whose record carries none
     */
    public UpsertResult upsert(List<Paper> incoming, LocalDate listingDate, PaperMerger merger) {
        if (incoming.isEmpty()) return UpsertResult.NONE;
        return jdbi.inTransaction(h -> new Upsert(h, listingDate, merger).run(lastPerId(incoming)));
    }

    /** Within one batch a later record of the same paper wins, as if applied one after the other. */
    private static Collection<Paper> lastPerId(List<Paper> incoming) {
        Map<String, Paper> byId = new LinkedHashMap<>();
        for (Paper p : incoming) byId.put(p.id().base(), p);
        return byId.values();
    }

    private final class Upsert {
        private final Handle h;
        private final LocalDate defaultListingDate;
        private final PaperMerger merger;
        private final List<Paper> inserts = new ArrayList<>();
        private final List<Paper> updates = new ArrayList<>();
        private final Map<String, String> newHashes = new HashMap<>();
        private final Map<String, LocalDate> storedListingDates = new HashMap<>();
        private final List<Paper> hashOnly = new ArrayList<>();

        Upsert(Handle h, LocalDate defaultListingDate, PaperMerger merger) {
            this.h = h;
            this.defaultListingDate = defaultListingDate;
            this.merger = merger;
        }

        UpsertResult run(Collection<Paper> batch) {
            Map<String, String> stored = storedHashes(batch.stream().map(p -> p.id().base()).toList());
            List<Paper> changed = classify(batch, stored);
            mergeChanged(changed);
            int unchanged = batch.size() - inserts.size() - updates.size();
            write();
            return new UpsertResult(inserts.size(), updates.size(), unchanged);
        }

        private Map<String, String> storedHashes(List<String> ids) {
            Map<String, String> m = new HashMap<>();
            h.createQuery(sql("hashes")).bindList("ids", ids)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        }

        private List<Paper> classify(Collection<Paper> batch, Map<String, String> stored) {
            List<Paper> changed = new ArrayList<>();
            for (Paper p : batch) {
                String hash = hash(p);
                newHashes.put(p.id().base(), hash);
                String old = stored.get(p.id().base());
                if (old == null) inserts.add(p.listingDate() == null ? p.withListingDate(defaultListingDate) : p);
                else if (!old.equals(hash)) changed.add(p);
            }
            return changed;
        }

        private void mergeChanged(List<Paper> changed) {
            if (changed.isEmpty()) return;
            Map<String, Paper> current = findMany(h, changed.stream().map(p -> p.id().base()).toList());
            for (Paper p : changed) {
                Paper old = current.get(p.id().base());
                storedListingDates.put(p.id().base(), old.listingDate());
                Paper merged = merger.merge(old, p);
                if (sameContent(old, merged)) hashOnly.add(p);
                else updates.add(merged);
            }
        }

        private void write() {
            long last = inserts.size() + updates.size() == 0 ? 0 : nextSeq(h, inserts.size() + updates.size());
            long seq = last - inserts.size() - updates.size();
            PreparedBatch insert = h.prepareBatch(sql("insert"));
            for (Paper p : inserts) bindPaper(insert, p, newHashes.get(p.id().base()), ++seq).add();
            if (!inserts.isEmpty()) insert.execute();
            PreparedBatch update = h.prepareBatch(sql("update"));
            // the incoming record's hash, so that importing the same record again takes the fast path
            for (Paper p : updates) bindPaper(update, p, newHashes.get(p.id().base()), ++seq).add();
            if (!updates.isEmpty()) update.execute();
            PreparedBatch rehash = h.prepareBatch(sql("update_hash"));
            for (Paper p : hashOnly) rehash.bind("arxivId", p.id().base()).bind("hash", newHashes.get(p.id().base())).add();
            if (!hashOnly.isEmpty()) rehash.execute();
            writeSatellites();
        }

        private void writeSatellites() {
            List<Paper> written = new ArrayList<>(inserts);
            written.addAll(updates);
            if (written.isEmpty()) return;
            PreparedBatch del = h.prepareBatch(sql("delete_categories"));
            PreparedBatch cat = h.prepareBatch(sql("insert_category"));
            PreparedBatch ver = h.prepareBatch(sql("upsert_version"));
            Map<String, LocalDate> listingDates = listingDates();
            for (Paper p : updates) del.bind("arxivId", p.id().base()).add();
            for (Paper p : written) {
                for (String c : p.categories()) {
                    cat.bind("arxivId", p.id().base()).bind("category", c)
                            .bind("listingDate", listingDates.get(p.id().base()).toString()).add();
                }
                for (PaperVersion v : p.versions()) {
                    ver.bind("arxivId", p.id().base()).bind("version", v.version())
                            .bind("submitted", text(v.submitted())).bind("size", v.size()).add();
                }
            }
            if (!updates.isEmpty()) del.execute();
            if (cat.size() > 0) cat.execute();
            if (ver.size() > 0) ver.execute();
        }

        /** An update keeps the stored listing date (read with the stored paper in mergeChanged), not the record's. */
        private Map<String, LocalDate> listingDates() {
            Map<String, LocalDate> m = new HashMap<>(storedListingDates);
            for (Paper p : inserts) m.put(p.id().base(), p.listingDate());
            return m;
        }
    }

    /**
     * Gives a paper the next change sequence, inside the caller's transaction, after something
     * that listings and followers must see (a vote, a comment, moderation). Taking the counter
     * first, as {@link #upsert} does, keeps one lock order for every writer. Returns 0 when the
     * paper does not exist.
     */
    public int touch(Handle h, String baseId) {
        long seq = nextSeq(h, 1);
        return h.createUpdate(sql("touch")).bind("arxivId", baseId).bind("seq", seq).execute();
    }

    /** Like {@link #touch}, for a paper visitors act on (votes, comments): 0 when it is unknown or hidden. */
    public int touchVisible(Handle h, String baseId) {
        long seq = nextSeq(h, 1);
        return h.createUpdate(sql("touch_visible")).bind("arxivId", baseId).bind("seq", seq).execute();
    }

    private long nextSeq(Handle h, int n) {
        return h.createQuery(sql("next_seq")).bind("n", n).mapTo(Long.class).one();
    }

    private static PreparedBatch bindPaper(PreparedBatch s, Paper p, String hash, long seq) {
        return s.bind("arxivId", p.id().base())
                .bind("version", p.id().version())
                .bind("title", p.title())
                .bind("authors", Json.write(p.authors()))
                .bind("abstract", p.abstractText())
                .bind("primaryCategory", p.primaryCategory())
                .bind("categories", String.join(" ", p.categories()))
                .bind("comments", p.comments())
                .bind("journalRef", p.journalRef())
                .bind("doi", p.doi())
                .bind("license", p.license())
                .bind("submitted", text(p.submitted()))
                .bind("updated", text(p.updated()))
                .bind("submittedAt", text(p.submittedAt()))
                .bind("updatedAt", text(p.updatedAt()))
                .bind("listingDate", text(p.listingDate()))
                .bind("codeLinks", Json.write(p.codeLinks()))
                .bind("hash", hash)
                .bind("seq", seq);
    }

    public Optional<Paper> find(String baseId) {
        return Optional.ofNullable(jdbi.withHandle(h -> findMany(h, List.of(baseId))).get(baseId));
    }

    /** Full papers with version history, keyed by base id; unknown ids are absent. */
    public Map<String, Paper> findMany(Collection<String> baseIds) {
        return jdbi.withHandle(h -> findMany(h, baseIds));
    }

    /** Hides papers arXiv deleted; returns how many were shown until now. */
    public int withdraw(Collection<String> baseIds) {
        if (baseIds.isEmpty()) return 0;
        return jdbi.inTransaction(h -> {
            long seq = nextSeq(h, baseIds.size()) - baseIds.size();
            PreparedBatch b = h.prepareBatch(sql("withdraw"));
            for (String id : baseIds) b.bind("arxivId", id).bind("seq", ++seq).add();
            return Arrays.stream(b.execute()).sum();
        });
    }

    /** The content hash of each of these papers, by base id. */
    public Map<String, String> contentHashes(Collection<String> baseIds) {
        if (baseIds.isEmpty()) return Map.of();
        return jdbi.withHandle(h -> {
            Map<String, String> m = new HashMap<>();
            h.createQuery(sql("hashes")).bindList("ids", List.copyOf(baseIds))
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).forEach(e -> m.put(e.getKey(), e.getValue()));
            return m;
        });
    }

    /** Which of these papers a moderator has hidden. */
    public Set<String> hiddenAmong(Collection<String> baseIds) {
        if (baseIds.isEmpty()) return Set.of();
        return jdbi.withHandle(h -> h.createQuery(sql("hidden_among")).bindList("ids", List.copyOf(baseIds))
                .mapTo(String.class).set());
    }

    private Map<String, Paper> findMany(Handle h, Collection<String> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<String, List<PaperVersion>> versions = new HashMap<>();
        h.createQuery(sql("versions_of")).bindList("ids", List.copyOf(ids)).map((rs, ctx) -> {
            versions.computeIfAbsent(rs.getString("arxiv_id"), k -> new ArrayList<>())
                    .add(new PaperVersion(rs.getInt("version"), date(rs.getString("submitted")), rs.getString("size")));
            return null;
        }).list();
        Map<String, Paper> result = new LinkedHashMap<>();
        h.createQuery(sql("find_many")).bindList("ids", List.copyOf(ids))
                .map((rs, ctx) -> mapPaper(rs, versions.getOrDefault(rs.getString("arxiv_id"), List.of())))
                .forEach(p -> result.put(p.id().base(), p));
        return result;
    }

    /** One page of a listing. Papers carry no version history here. */
    public List<Paper> listing(Listing q) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql("listing"))
                    .define("order", q.order().sql)
                    .define("featuredFirst", featuredFirst(q))
                    .bind("from", q.from().toString()).bind("to", q.to().toString())
                    .bind("limit", Math.min(q.limit(), 100_000)).bind("offset", q.offset());
            bindCategories(query, q.categories());
            return query.map((rs, ctx) -> mapPaper(rs, List.of())).list();
        });
    }

    /**
     * A single day ranked by upvotes or newest shows the papers submitted to it first (as Hugging
     * Face's daily page does), then the rest of the day's papers.
     */
    private static String featuredFirst(Listing q) {
        if (!q.from().equals(q.to())) return "";
        String first = "CASE WHEN arxiv_id IN (SELECT arxiv_id FROM submissions WHERE featured_date = :from) THEN 0 ELSE 1 END,";
        if (q.order() == Listing.Order.UPVOTES) return first;
        // newest first means newest on the daily page (Hugging Face's publishedAt): submissions by their time
        if (q.order() == Listing.Order.NEWEST) return first + " (SELECT s.created_at FROM submissions s WHERE s.arxiv_id = papers.arxiv_id) DESC,";
        return "";
    }

    /** The paper as visitors may see it: empty when unknown, or hidden by a moderator or withdrawn by arXiv. */
    public Optional<Paper> findShown(String baseId) {
        return find(baseId).filter(p -> !isHidden(baseId));
    }

    /** True when a moderator took the paper off the feed (listings skip it; its page and API answer 404). */
    public boolean isHidden(String baseId) {
        return jdbi.withHandle(h -> h.createQuery(sql("is_hidden")).bind("id", baseId).mapTo(Integer.class).findOne()).orElse(0) == 1;
    }

    /** The submitters of those of these papers that were submitted, keyed by base id. */
    public Map<String, Submitter> submitters(Collection<String> baseIds) {
        if (baseIds.isEmpty()) return Map.of();
        Map<String, Submitter> m = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("submitters")).bindList("ids", List.copyOf(baseIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Submitter(rs.getString(2), rs.getLong(3), LocalDate.parse(rs.getString(4)))))
                .forEach(e -> m.put(e.getKey(), e.getValue())));
        return m;
    }

    /** The base ids of the papers {@code username} submitted to days {@code from..to}, newest submission first. */
    public List<String> submittedBy(String username, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery(sql("submitted_by")).bind("usernameKey", username.toLowerCase(Locale.ROOT))
                .bind("from", from.toString()).bind("to", to.toString()).mapTo(String.class).list());
    }

    /** Papers visitors may see (not hidden). */
    public long countShown() {
        return jdbi.withHandle(h -> h.createQuery(sql("count_shown")).mapTo(Long.class).one());
    }

    /** Base id and last-change day of shown papers, in id order, one slice (for sitemaps). */
    public List<Map.Entry<String, LocalDate>> shownIds(long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("sitemap_papers")).bind("offset", offset).bind("limit", limit)
                .map((rs, ctx) -> Map.entry(rs.getString(1), LocalDate.parse(rs.getString(2)))).list());
    }

    /** Every listing day with shown papers, oldest first. */
    public List<LocalDate> listingDays() {
        return jdbi.withHandle(h -> h.createQuery(sql("listing_days")).mapTo(String.class).list()).stream().map(LocalDate::parse).toList();
    }

    public int count(Listing q) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql("listing_count"))
                    .bind("from", q.from().toString()).bind("to", q.to().toString());
            bindCategories(query, q.categories());
            return query.mapTo(Integer.class).one();
        });
    }

    /** Papers per category over listing dates {@code from..to}, most first. */
    public Map<String, Integer> categoryCounts(LocalDate from, LocalDate to) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("category_counts")).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /** Papers per day from {@code from} to {@code to}: listed ones and ones submitted to a day; days without papers are absent. */
    public Map<LocalDate, Integer> dayCounts(LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> counts = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(sql("day_counts")).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, ctx) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getInt(2))).forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    /**
     * Visible papers that name {@code author} exactly (as arXiv spells it), newest first. The SQL
     * narrows by a LIKE on the authors column, with every character that LIKE or JSON might treat
     * specially made a wildcard; the exact comparison happens here.
     */
    public List<Paper> byAuthor(String author, int limit) {
        String pattern = "%" + author.replaceAll("[^\\p{L}\\p{N} .'-]", "_") + "%";
        return jdbi.withHandle(h -> h.createQuery(sql("by_author")).bind("pattern", pattern).bind("limit", Math.max(limit * 4, 200))
                .map((rs, ctx) -> mapPaper(rs, List.of())).list()).stream()
                .filter(p -> p.authors().stream().anyMatch(a -> a.name().equals(author)))
                .limit(limit).toList();
    }

    public Optional<LocalDate> latestDay() {
        return day("latest_day");
    }

    /** The newest day that holds listed or submitted papers (a submission may go beyond the newest arXiv day). */
    public Optional<LocalDate> latestFeaturedDay() {
        return day("latest_featured_day");
    }

    private Optional<LocalDate> day(String query) {
        return jdbi.withHandle(h -> h.createQuery(sql(query)).mapTo(String.class).findOne()).map(LocalDate::parse);
    }

    /** The nearest earlier day with papers (in any of the categories, when some are given). */
    public Optional<LocalDate> dayBefore(LocalDate day, List<String> categories) {
        return neighbourDay("day_before", day, categories);
    }

    public Optional<LocalDate> dayAfter(LocalDate day, List<String> categories) {
        return neighbourDay("day_after", day, categories);
    }

    private Optional<LocalDate> neighbourDay(String query, LocalDate day, List<String> categories) {
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql(categories.isEmpty() ? query : query + "_in_categories")).bind("day", day.toString());
            if (!categories.isEmpty()) q.define("categoryList", bindCategoryList(q, categories));
            return q.mapTo(String.class).findOne();
        }).map(LocalDate::parse);
    }

    public long count() {
        return jdbi.withHandle(h -> h.createQuery(sql("count")).mapTo(Long.class).one());
    }

    /** This database's identity, written once at its first start; followers record whose changes they read. */
    public String catalogId() {
        return jdbi.withHandle(h -> h.createQuery(sql("catalog_id")).mapTo(String.class).one());
    }

    /** The change sequence of the latest write; followers compare it with what they have read. */
    public long lastChangeSeq() {
        return jdbi.withHandle(h -> h.createQuery(sql("max_seq")).mapTo(Long.class).one());
    }

    /** Papers written after {@code seq}, in the order they were written. */
    public List<PaperChange> changedSince(long seq, int limit) {
        return jdbi.withHandle(h -> h.createQuery(sql("changed_since")).bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new PaperChange(rs.getLong("change_seq"), mapPaper(rs, List.of()), rs.getInt("hidden") == 1, rs.getString("content_hash"))).list());
    }

    /**
     * Category filters use numbered parameters, so that no user text ever reaches the SQL. A
     * period's papers are those listed in it and those submitted to it, so the filter takes both:
     * listed ones through the (category, listing_date) index, submitted ones (few) by id.
     */
    private static void bindCategories(SqlStatement<?> s, List<String> categories) {
        if (categories.isEmpty()) {
            s.define("categoryFilter", "");
            return;
        }
        String names = bindCategoryList(s, categories);
        s.define("categoryFilter", "AND arxiv_id IN (SELECT arxiv_id FROM paper_categories WHERE category IN (" + names + ")"
                + " AND listing_date >= :from AND listing_date <= :to"
                + " UNION SELECT c.arxiv_id FROM paper_categories c JOIN submissions s ON s.arxiv_id = c.arxiv_id"
                + " WHERE c.category IN (" + names + ") AND s.featured_date >= :from AND s.featured_date <= :to)");
    }

    /** Binds each category to a numbered parameter and returns their names for an IN list. */
    private static String bindCategoryList(SqlStatement<?> s, List<String> categories) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            names.append(i == 0 ? "" : ", ").append(":cat").append(i);
            s.bind("cat" + i, categories.get(i));
        }
        return names.toString();
    }

    private static Paper mapPaper(ResultSet rs, List<PaperVersion> versions) throws SQLException {
        String cats = rs.getString("categories");
        return new Paper(
                new ArxivId(rs.getString("arxiv_id"), rs.getInt("version")),
                rs.getString("title"),
                Json.authors(rs.getString("authors")),
                rs.getString("abstract"),
                rs.getString("primary_category"),
                cats.isEmpty() ? List.of() : Arrays.asList(cats.split(" ")),
                rs.getString("comments"),
                rs.getString("journal_ref"),
                rs.getString("doi"),
                rs.getString("license"),
                date(rs.getString("submitted_date")),
                date(rs.getString("updated_date")),
                versions,
                date(rs.getString("listing_date")),
                Json.codeLinks(rs.getString("code_links")),
                rs.getInt("upvotes"),
                rs.getInt("num_comments"),
                instant(rs.getString("submitted_at")),
                instant(rs.getString("updated_at")));
    }

    /** Everything a record says about a paper, but not the listing date, votes or comments. */
    private static boolean sameContent(Paper a, Paper b) {
        return hash(a).equals(hash(b));
    }

    /**
     * A digest of everything a record says about a paper. Built by hand rather than through JSON:
     * it runs for every imported record, and a re-import is mostly this. Fields are separated by
     * control characters that arXiv text does not hold; null and "" differ.
     */
    static String hash(Paper p) {
        StringBuilder s = new StringBuilder(512 + (p.abstractText() == null ? 0 : p.abstractText().length()));
        field(s, p.id().toString());
        field(s, p.title());
        for (Author a : p.authors()) item(s, a.name(), a.affiliation());
        s.append(FIELD);
        field(s, p.abstractText());
        field(s, p.primaryCategory());
        field(s, String.join(" ", p.categories()));
        field(s, p.comments());
        field(s, p.journalRef());
        field(s, p.doi());
        field(s, p.license());
        field(s, text(p.submitted()));
        field(s, text(p.updated()));
        for (PaperVersion v : p.versions()) item(s, Integer.toString(v.version()), text(v.submitted()), v.size());
        s.append(FIELD);
        for (CodeLink l : p.codeLinks()) item(s, l.kind().name(), l.url());
        s.append(FIELD);
        // only when known, so that papers with dates alone keep the hashes stored before times were kept
        if (p.submittedAt() != null || p.updatedAt() != null) item(s, text(p.submittedAt()), text(p.updatedAt()));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final char FIELD = '\u0001';
    private static final char ITEM = '\u0002';
    private static final char PART = '\u0003';
    private static final char NULL = '\u0000';

    private static void field(StringBuilder s, String value) {
        if (value == null) s.append(NULL);
        else s.append(value);
        s.append(FIELD);
    }

    private static void item(StringBuilder s, String... parts) {
        for (String part : parts) {
            if (part == null) s.append(NULL);
            else s.append(part);
            s.append(PART);
        }
        s.append(ITEM);
    }


    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }

    private static Instant instant(String s) {
        return s == null || s.isEmpty() ? null : Instant.parse(s);
    }

    private static LocalDate date(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }
}
