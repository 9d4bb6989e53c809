package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.paperboy.paper.Paper;

/**
 * What the recommender knows of a paper: its text (title, abstract and arXiv comment), categories
 * and first listing day. Authors are left out on purpose: a reader's model must never learn who
 * wrote what (only explicit author follows use names, and they match outside the model).
 * {@code source} is a hash of the text it was made of, which tells a revised paper from the one
 * cached features were made of.
 */
public record Item(String id, String title, String abstractText, String comments, List<String> categories, LocalDate day, int source) {
    public Item {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        comments = comments == null ? "" : comments;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public Item(String id, String title, String abstractText, List<String> categories, LocalDate day) {
        this(id, title, abstractText, "", categories, day, source(title, abstractText, "", categories));
    }

    /**
     * The paper as the recommender reads it: its authors' names blanked out of the abstract and the
     * comment (the title is kept whole, as reasons quote it).
     */
    public static Item of(Paper p) {
        Set<String> names = AuthorNames.forms(p.authors());
        return new Item(p.id().base(), p.title(), AuthorNames.blank(p.abstractText(), names),
                AuthorNames.blank(p.comments(), names), p.categories(), p.listingDate(), source(p));
    }

    /**
     * The {@code source} of {@link #of}'s item, without making it: the names are blanked only when
     * features must be made (papers with hundreds of authors made that most of a cached ranking).
     */
    public static int source(Paper p) {
        return source(p.title(), p.abstractText(), p.comments(), p.categories());
    }

    /** One formula for every item, so that a paper read either way finds the same cached features. */
    private static int source(String title, String abstractText, String comments, List<String> categories) {
        return Objects.hash(title, abstractText, comments == null ? "" : comments, categories);
    }
}
