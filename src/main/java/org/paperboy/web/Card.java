package org.paperboy.web;

import java.util.List;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLink;
import org.paperboy.paper.Paper;

/**
 * One paper in a listing, as card.jte shows it: the upvote count on the left, title, the first
 * authors, a two-line abstract preview that expands, category chips, code badges, comments.
 */
public record Card(
        String id,
        String href,
        String title,
        List<String> authors,
        int moreAuthors,
        String summary,
        List<String> categories,
        String githubRepo,
        String projectPage,
        String huggingFace,
        int numComments,
        int upvotes,
        String submittedBy) {

    /** Authors named on a card before "et al.". */
    public static final int AUTHORS_SHOWN = 4;

    public static Card of(Paper p) {
        return of(p, null);
    }

    /** @param submittedBy the account that submitted the paper to the daily page, or null */
    public static Card of(Paper p, String submittedBy) {
        List<String> names = p.authors().stream().map(Author::name).toList();
        List<String> shown = names.size() <= AUTHORS_SHOWN + 1 ? names : names.subList(0, AUTHORS_SHOWN);
        return new Card(p.id().base(), Urls.paper(p.id().base()), Text.oneLine(p.title()), shown, names.size() - shown.size(),
                Text.oneLine(p.abstractText()), p.categories(), p.githubRepo(), p.projectPage(), firstHuggingFace(p),
                p.numComments(), p.upvotes(), submittedBy);
    }

    private static String firstHuggingFace(Paper p) {
        return p.codeLinks().stream().filter(l -> l.kind() == CodeLink.Kind.HUGGINGFACE).map(CodeLink::url).findFirst().orElse(null);
    }

    public String authorHref(String name) {
        return Urls.author(name);
    }

    /** "owner/repo" for a GitHub badge. */
    public String githubName() {
        return githubRepo == null ? null : githubRepo.replaceFirst("^https://github\\.com/", "");
    }
}
