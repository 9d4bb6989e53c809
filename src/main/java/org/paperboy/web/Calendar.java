package org.paperboy.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A month as a heat map beside a listing's date navigation: one cell per day, shaded by its
 * number of papers; days without papers are greyed out and are not links.
 *
 * @param cells Monday-first weeks flattened; null cells pad the first and last week
 */
public record Calendar(String label, String monthHref, List<Day> cells) {

    /** Shades of the heat map, 0 (no papers) to {@code LEVELS - 1} (the busiest day of the month). */
    public static final int LEVELS = 5;

    /** One day: {@code href} is null when it has no papers. */
    public record Day(int day, int count, int level, String href, boolean current, String date) {
        public String describe() {
            return date + ": " + (count == 0 ? "no papers" : count == 1 ? "1 paper" : count + " papers");
        }
    }

    public static Calendar of(YearMonth month, Map<LocalDate, Integer> counts, LocalDate current,
                              Function<LocalDate, String> dayHref, String monthHref) {
        int busiest = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Day> cells = new ArrayList<>(Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue(), null));
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            int n = counts.getOrDefault(date, 0);
            cells.add(new Day(d, n, level(n, busiest), n == 0 ? null : dayHref.apply(date), date.equals(current),
                    date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)));
        }
        while (cells.size() % 7 != 0) cells.add(null);
        String label = month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
        return new Calendar(label, monthHref, cells);
    }

    /** 0 for no papers, else 1..LEVELS-1 in proportion to the month's busiest day. */
    static int level(int count, int busiest) {
        if (count <= 0 || busiest <= 0) return 0;
        return 1 + (int) Math.min(LEVELS - 2, (long) (count - 1) * (LEVELS - 1) / busiest);
    }

    public List<List<Day>> weeks() {
        List<List<Day>> weeks = new ArrayList<>();
        for (int i = 0; i < cells.size(); i += 7) weeks.add(cells.subList(i, i + 7));
        return weeks;
    }
}
