package org.paperboy.notify;

import java.util.List;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;

/** A paper as a digest shows it: linked title, a few authors, a short abstract, counts and code links. */
public record DigestPaper(String id, String title, String url, String authors, String abstractPreview, int upvotes,
                          int comments, List<Link> codeLinks) {
    static final int MAX_AUTHORS = 5;
    static final int PREVIEW_CHARS = 300;

    public record Link(String label, String url) {}

    public DigestPaper {
        codeLinks = List.copyOf(codeLinks);
    }

    public static DigestPaper of(Paper p, String baseUrl) {
        return new DigestPaper(p.id().base(), oneLine(p.title()), baseUrl + "/papers/" + p.id().base(), authors(p.authors()),
                preview(p.abstractText()), p.upvotes(), p.numComments(), p.codeLinks().stream().map(DigestPaper::link).toList());
    }

    /** "1 upvote", "12 upvotes". */
    public String upvotesLabel() {
        return upvotes + (upvotes == 1 ? " upvote" : " upvotes");
    }

    public String commentsLabel() {
        return comments + (comments == 1 ? " comment" : " comments");
    }

    static String authors(List<Author> authors) {
        List<String> names = authors.stream().limit(MAX_AUTHORS).map(Author::name).toList();
        return String.join(", ", names) + (authors.size() > MAX_AUTHORS ? " et al." : "");
    }

    /** The abstract's start, cut at a word boundary. */
    static String preview(String text) {
        if (text == null) return "";
        String s = oneLine(text);
        if (s.length() <= PREVIEW_CHARS) return s;
        int cut = s.lastIndexOf(' ', PREVIEW_CHARS);
        return s.substring(0, cut > PREVIEW_CHARS / 2 ? cut : PREVIEW_CHARS) + "…";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static Link link(CodeLink l) {
        String label = switch (l.kind()) {
            case GITHUB -> "GitHub";
            case GITLAB -> "GitLab";
            case HUGGINGFACE -> "Hugging Face";
            case PROJECT_PAGE -> "Project page";
        };
        return new Link(label, l.url());
    }
}
