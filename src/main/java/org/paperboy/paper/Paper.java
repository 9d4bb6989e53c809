package org.paperboy.paper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A paper as the catalog keeps it: the latest version's metadata plus its version history.
 * Optional text fields are null when unknown; lists are never null. {@code submittedAt} and
 * {@code updatedAt} are the instants behind {@code submitted} and {@code updated} where the source
 * gave a time of day (arXiv's API and arXivRaw do, the daily sample does not), else null.
 */
public record Paper(
        ArxivId id,
        String title,
        List<Author> authors,
        String abstractText,
        String primaryCategory,
        List<String> categories,
        String comments,
        String journalRef,
        String doi,
        String license,
        LocalDate submitted,
        LocalDate updated,
        List<PaperVersion> versions,
        LocalDate listingDate,
        List<CodeLink> codeLinks,
        int upvotes,
        int numComments,
        Instant submittedAt,
        Instant updatedAt) {

    /** A paper whose source gave dates only. */
    public Paper(ArxivId id, String title, List<Author> authors, String abstractText, String primaryCategory,
                 List<String> categories, String comments, String journalRef, String doi, String license,
                 LocalDate submitted, LocalDate updated, List<PaperVersion> versions, LocalDate listingDate,
                 List<CodeLink> codeLinks, int upvotes, int numComments) {
        this(id, title, authors, abstractText, primaryCategory, categories, comments, journalRef, doi, license,
                submitted, updated, versions, listingDate, codeLinks, upvotes, numComments, null, null);
    }

    public Paper {
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        versions = List.copyOf(versions);
        codeLinks = List.copyOf(codeLinks);
    }

    /** The first GitHub repository among the code links, as Hugging Face's API reports it. */
    public String githubRepo() {
        return firstLink(CodeLink.Kind.GITHUB);
    }

    public String projectPage() {
        return firstLink(CodeLink.Kind.PROJECT_PAGE);
    }

    private String firstLink(CodeLink.Kind kind) {
        return codeLinks.stream().filter(l -> l.kind() == kind).map(CodeLink::url).findFirst().orElse(null);
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + id;
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + id;
    }

    /** This paper listed on another day (records are immutable). */
    public Paper withListingDate(LocalDate day) {
        return new Paper(id, title, authors, abstractText, primaryCategory, categories, comments, journalRef, doi, license,
                submitted, updated, versions, day, codeLinks, upvotes, numComments, submittedAt, updatedAt);
    }

    /** This paper with the times of day of its first and latest version (null where unknown). */
    public Paper withTimes(Instant submittedAt, Instant updatedAt) {
        return new Paper(id, title, authors, abstractText, primaryCategory, categories, comments, journalRef, doi, license,
                submitted, updated, versions, listingDate, codeLinks, upvotes, numComments, submittedAt, updatedAt);
    }

    /** When v1 appeared: its time where known, else midnight UTC of its day; null without a date. */
    public Instant submittedInstant() {
        return instant(submittedAt, submitted);
    }

    /** When the latest version appeared, as {@link #submittedInstant()}; null when there is only v1. */
    public Instant updatedInstant() {
        return instant(updatedAt, updated);
    }

    /** The time is used only while it falls on the stored day, so a merge that moved the date wins. */
    private static Instant instant(Instant at, LocalDate day) {
        if (day == null) return null;
        if (at != null && at.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) return at;
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
