package org.paperboy.recommend;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The papers a reader's model learns from and ranks: by id, by first listing day, as features. */
public interface Catalog {

    /** The paper, or null when the catalog does not hold it. */
    Item item(String id);

    /** The papers first listed on this day. */
    List<Item> listedOn(LocalDate day);

    SparseVector features(Item item);

    int dimensions();

    /**
     * Papers listed on the days the reader acted on (the days of their positive signals) that they
     * did not act on: what they saw and passed over, the implicit negatives.
     */
    default List<Item> passedOver(List<Signal> signals) {
        Set<String> acted = new HashSet<>();
        Set<LocalDate> days = new TreeSet<>();
        for (Signal s : signals) {
            acted.add(s.paperId());
            if (!s.kind().positive) continue;
            Item item = item(s.paperId());
            if (item != null && item.day() != null) days.add(item.day());
        }
        List<Item> out = new ArrayList<>();
        for (LocalDate day : days) for (Item i : listedOn(day)) if (!acted.contains(i.id())) out.add(i);
        return out;
    }
}
