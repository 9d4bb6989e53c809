package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.List;

/**
 * What the recommender knows of a paper: its text, categories and first listing day. Authors are
 * left out on purpose: a reader's model must never learn who wrote what (only explicit author
 * follows use names, and they match outside the model).
 */
public record Item(String id, String title, String abstractText, List<String> categories, LocalDate day) {
    public Item {
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
