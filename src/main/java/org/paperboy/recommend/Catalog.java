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

    /** How many of the reader's latest active days give the papers they passed over (as the For-you page takes them). */
    int ACTIVE_DAYS = 20;

    /**
     * Papers listed on the reader's latest {@link #ACTIVE_DAYS} active days (the days of their positive
     * signals) that they did not act on: what they saw and passed over, the implicit negatives.
     */
    default List<Item> passedOver(List<Signal> signals) {
        Set<String> acted = new HashSet<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Signal s : signals) {
            acted.add(s.paperId());
            if (!s.kind().positive) continue;
            Item item = item(s.paperId());
            if (item != null && item.day() != null) days.add(item.day());
        }
        List<Item> out = new ArrayList<>();
        int n = 0;
        for (LocalDate day : days.descendingSet()) {
            if (n++ >= ACTIVE_DAYS) break;
            for (Item i : listedOn(day)) if (!acted.contains(i.id())) out.add(i);
        }
        return out;
    }
}
