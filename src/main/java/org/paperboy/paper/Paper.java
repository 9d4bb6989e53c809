package org.paperboy.paper;

import java.time.LocalDate;
import java.util.List;

/**
 * A paper as the catalog keeps it: the latest version's metadata plus its version history.
 * Optional text fields are null when unknown; lists are never null.
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
        int numComments) {

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
                submitted, updated, versions, day, codeLinks, upvotes, numComments);
    }
}
