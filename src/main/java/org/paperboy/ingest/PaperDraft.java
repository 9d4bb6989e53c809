package org.paperboy.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.CodeLinks;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

/**
 * The fields of one record as a reader finds them, checked and normalised into a {@link Paper} by
 * {@link #build()}: id and title are required, text is normalised for display, categories put the
 * primary first, code links are found in the abstract and comments.
 */
final class PaperDraft {
    String id;
    String title;
    final List<Author> authors = new ArrayList<>();
    String abstractText;
    String primaryCategory;
    final List<String> categories = new ArrayList<>();
    String comments;
    String journalRef;
    String doi;
    String license;
    LocalDate submitted;
    LocalDate updated;
    /** The instants behind submitted and updated, where the source gives a time of day. */
    Instant submittedAt;
    Instant updatedAt;
    /** Times of day of versions, by number, where the source gives them (arXivRaw). */
    final Map<Integer, Instant> versionTimes = new HashMap<>();
    final List<PaperVersion> versions = new ArrayList<>();
    LocalDate listingDate;
    /** The history is partial (arXiv's OAI format gives v1 and the latest date, not the latest number). */
    boolean latestVersionUnknown;

    Paper build() throws BadRecord {
        if (id == null || id.isBlank()) throw new BadRecord(BadRecord.NO_ID, "the record has no arXiv id");
        Optional<ArxivId> parsed = ArxivId.parse(id);
        if (parsed.isEmpty()) throw new BadRecord(BadRecord.BAD_ID, "'" + id.strip() + "' is not an arXiv id");
        String cleanTitle = Text.oneLine(title);
        if (cleanTitle == null) throw new BadRecord(BadRecord.NO_TITLE, "paper " + parsed.get().base() + " has no title");
        ArxivId arxivId = parsed.get();
        List<PaperVersion> history = sortedVersions();
        int latest = history.isEmpty() ? 0 : history.get(history.size() - 1).version();
        if (!arxivId.hasVersion() && latest > 0 && !latestVersionUnknown) arxivId = arxivId.withVersion(latest);
        if (submitted == null && !history.isEmpty()) submitted = history.get(0).submitted();
        if (updated == null && history.size() > 1) updated = history.get(history.size() - 1).submitted();
        if (submittedAt == null && !history.isEmpty()) submittedAt = versionTimes.get(history.get(0).version());
        if (updatedAt == null && history.size() > 1) updatedAt = versionTimes.get(history.get(history.size() - 1).version());
        String abs = Text.paragraphs(abstractText);
        String comment = Text.oneLine(comments);
        List<String> cats = primaryFirst();
        return new Paper(arxivId, cleanTitle, authors, abs == null ? "" : abs, cats.isEmpty() ? null : cats.get(0),
                cats, comment, Text.oneLine(journalRef), Text.clean(doi), Text.clean(license), submitted, updated,
                history, listingDate, codeLinks(abs, comment), 0, 0, submittedAt, updatedAt);
    }

    static List<CodeLink> codeLinks(String abs, String comment) {
        if (!Text.mayHoldUrl(abs) && !Text.mayHoldUrl(comment)) return List.of();
        return CodeLinks.find(abs, comment);
    }

    private List<String> primaryFirst() {
        LinkedHashSet<String> cats = new LinkedHashSet<>();
        if (primaryCategory != null && !primaryCategory.isBlank()) cats.add(primaryCategory.strip());
        for (String c : categories) if (c != null && !c.isBlank()) cats.add(c.strip());
        return List.copyOf(cats);
    }

    private List<PaperVersion> sortedVersions() {
        List<PaperVersion> v = new ArrayList<>(versions);
        v.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return v;
    }

    void addCategories(String spaceSeparated) {
        if (spaceSeparated == null) return;
        for (String c : spaceSeparated.strip().split("\\s+")) if (!c.isEmpty()) categories.add(c);
    }

    void addAuthor(String name, String affiliation) {
        if (name == null || name.isBlank()) return;
        authors.add(new Author(Text.oneLine(name), Text.oneLine(affiliation)));
    }

    /** "v3" or "3" to 3. */
    static int versionNumber(String v) throws BadRecord {
        String s = v == null ? "" : v.strip();
        if (s.startsWith("v") || s.startsWith("V")) s = s.substring(1);
        if (!s.matches("\\d{1,9}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > ArxivId.MAX_VERSION) {
            throw new BadRecord("bad version", "'" + v + "' is not a version such as v2");
        }
        return Integer.parseInt(s);
    }

    /**
     * The instant of a timestamp such as 2019-11-27T16:52:52Z or Mon, 2 Apr 2007 19:18:42 GMT; null
     * for a bare date (2025-03-18), which says nothing of the time. Call after {@link #date}, which
     * reports text that is not a date.
     */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.strip();
        try {
            if (Character.isDigit(s.charAt(0))) return s.length() == 10 ? null : ZonedDateTime.parse(s).toInstant();
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO dates (2025-03-18), ISO timestamps (2019-11-27T16:52:52Z) and RFC 1123 (Mon, 2 Apr 2007 19:18:42 GMT). */
    static LocalDate date(String field, String text) throws BadRecord {
        if (text == null || text.isBlank()) return null;
        String s = text.strip();
        try {
            if (Character.isDigit(s.charAt(0))) {
                return s.length() == 10 ? LocalDate.parse(s) : ZonedDateTime.parse(s).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            }
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new BadRecord(BadRecord.BAD_DATE, field + " '" + s + "' is not a date");
        }
    }
}
