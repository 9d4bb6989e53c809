package org.paperboy.web;

import gg.jte.Content;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;
import org.paperboy.paper.StarCounts;

/**
 * A paper's own page (paper.jte). Its sections are separate templates under {@code jte/paper/}
 * so that features can add their own (similar papers, comments) without touching the others.
 *
 * @param requestedVersion the version named in the URL, 0 when none
 */
public record PaperPage(Meta meta, Paper paper, List<String> paragraphs, String bibtex, String listingHref,
        int requestedVersion, String absoluteUrl, Content community,
        Content vote, List<Paper> similar, StarCounts stars) {

    /** "★ 1.2k" for a GitHub link whose stars are known, else null. */
    public String starsLabel(String url) {
        OptionalInt n = stars.of(url);
        return n.isPresent() ? "★ " + StarLabel.compact(n.getAsInt()) : null;
    }

    /** The exact count for a title and screen readers: "1,234 stars on GitHub". */
    public String starsTitle(String url) {
        OptionalInt n = stars.of(url);
        return n.isPresent() ? StarLabel.exact(n.getAsInt()) : null;
    }

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HIGHWIRE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);

    public static String human(LocalDate d) {
        return d == null ? "" : HUMAN.format(d);
    }

    /** citation_date as Zotero and Google Scholar read it. */
    public String citationDate() {
        LocalDate d = paper.submitted() != null ? paper.submitted() : paper.listingDate();
        return d == null ? null : HIGHWIRE.format(d);
    }

    /**
     * The whole abstract on one line for {@code citation_abstract}: Zotero's Embedded Metadata
     * translator takes it as the abstract, and without it falls back to the description, which
     * is cut at 300 characters.
     */
    public String citationAbstract() {
        return String.join(" ", paragraphs);
    }

    /** One {@code citation_doi} per DOI: arXiv's field sometimes holds several. */
    public List<String> dois() {
        return Dois.split(paper.doi());
    }

    public String pdfUrl() {
        return "https://arxiv.org/pdf/" + paper.id().base();
    }

    public String absUrl() {
        return "https://arxiv.org/abs/" + paper.id().base();
    }

    public boolean olderVersionAsked() {
        return requestedVersion != 0 && paper.id().hasVersion() && requestedVersion != paper.id().version();
    }

    /** "owner/repo" for a GitHub, GitLab or Hugging Face link; the host and path otherwise. */
    public static String repositoryName(String url) {
        String rest = url.replaceFirst("^https?://(www\\.)?", "").replaceFirst("[?#].*$", "").replaceFirst("/+$", "");
        var m = Pattern.compile("^(?:github\\.com|gitlab\\.com|huggingface\\.co)/([^/]+/[^/]+).*").matcher(rest);
        if (m.matches()) return m.group(1).replaceFirst("\\.git$", "");
        return rest;
    }

    public static String kindLabel(CodeLink.Kind kind) {
        return switch (kind) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case HUGGINGFACE -> "Hugging Face";
            case PROJECT_PAGE -> "Project page";
        };
    }
}
