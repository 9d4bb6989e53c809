package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.paperboy.paper.Paper;

/**
 * What the recommender knows of a paper: its text (title, abstract and arXiv comment), categories
 * and first listing day. Authors are left out on purpose: a reader's model must never learn who
 * wrote what (only explicit author follows use names, and they match outside the model).
 */
public record Item(String id, String title, String abstractText, String comments, List<String> categories, LocalDate day) {
    public Item {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        comments = comments == null ? "" : comments;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public Item(String id, String title, String abstractText, List<String> categories, LocalDate day) {
        this(id, title, abstractText, "", categories, day);
    }

    /**
     * The paper as the recommender reads it: its authors' names blanked out of the abstract and the
     * comment (the title is kept whole, as reasons quote it).
     */
    public static Item of(Paper p) {
        Set<String> names = AuthorNames.forms(p.authors());
        return new Item(p.id().base(), p.title(), AuthorNames.blank(p.abstractText(), names),
                AuthorNames.blank(p.comments(), names), p.categories(), p.listingDate());
    }
}
