package org.paperboy.web;

import java.util.stream.Collectors;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;

/**
 * A paper as a Markdown page: title, authors, dates, abstract and links. Text is given as arXiv
 * wrote it (LaTeX math stays {@code $...$}, which Markdown renderers with math support show);
 * only the characters that would start Markdown syntax at a line's start are escaped.
 */
final class PaperMarkdown {

    private PaperMarkdown() {}

    static String of(Paper p, String pageUrl) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(line(p.title())).append("\n\n");
        b.append("**Authors:** ").append(p.authors().stream().map(Author::name).map(PaperMarkdown::line).collect(Collectors.joining(", "))).append("\n\n");
        if (p.submitted() != null) b.append("**Published:** ").append(p.submitted()).append("\n\n");
        if (p.listingDate() != null) b.append("**Listed:** ").append(p.listingDate()).append("\n\n");
        if (!p.categories().isEmpty()) b.append("**Categories:** ").append(String.join(", ", p.categories())).append("\n\n");
        b.append("## Abstract\n\n");
        for (String para : Text.paragraphs(p.abstractText())) b.append(line(para)).append("\n\n");
        b.append("## Links\n\n");
        b.append("- Paper page: ").append(pageUrl).append('\n');
        b.append("- arXiv: ").append("https://arxiv.org/abs/").append(p.id().base()).append('\n');
        b.append("- PDF: ").append(p.pdfUrl()).append('\n');
        for (CodeLink l : p.codeLinks()) b.append("- ").append(label(l.kind())).append(": ").append(l.url()).append('\n');
        for (String doi : Dois.split(p.doi())) b.append("- DOI: https://doi.org/").append(doi).append('\n');
        return b.toString();
    }

    private static String label(CodeLink.Kind kind) {
        return switch (kind) {
            case GITHUB, GITLAB -> "Code";
            case HUGGINGFACE -> "Hugging Face";
            case PROJECT_PAGE -> "Project page";
        };
    }

    /** One line of text that cannot open a heading, list, quote or HTML block. */
    private static String line(String s) {
        String one = Text.oneLine(s);
        if (one == null) return "";
        if (one.matches("^([#>+\\-*]|\\d+[.)]).*")) one = "\\" + one;
        return one.replace("<", "&lt;");
    }
}
