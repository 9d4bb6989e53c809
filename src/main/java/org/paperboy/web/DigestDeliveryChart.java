package org.paperboy.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.paperboy.notify.DeliveryDay;

/**
 * The admin page's bar chart of mail delivery: one bar per day (sent, with failures stacked on
 * top), scaled to the busiest day. Pure geometry; the template draws it as inline SVG.
 */
public record DigestDeliveryChart(int width, int height, List<Bar> bars, int max) {
    public static final int BAR_WIDTH = 24;
    public static final int GAP = 6;
    public static final int HEIGHT = 120;
    public static final int LABEL_SPACE = 18;

    public record Bar(int x, int sentY, int sentHeight, int failedY, int failedHeight, String label, String title) {}

    /** The {@code days} days ending {@code today}, zero where nothing was sent. */
    public static DigestDeliveryChart of(List<DeliveryDay> data, LocalDate today, int days) {
        Map<LocalDate, DeliveryDay> byDay = new HashMap<>();
        data.forEach(d -> byDay.put(d.day(), d));
        int max = Math.max(1, data.stream().mapToInt(d -> d.sent() + d.failed()).max().orElse(1));
        int plot = HEIGHT - LABEL_SPACE;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = today.minusDays(days - 1L - i);
            DeliveryDay d = byDay.getOrDefault(day, new DeliveryDay(day, 0, 0));
            int sentH = (int) Math.round((double) d.sent() * plot / max);
            int failedH = (int) Math.round((double) d.failed() * plot / max);
            int x = i * (BAR_WIDTH + GAP);
            bars.add(new Bar(x, plot - sentH, sentH, plot - sentH - failedH, failedH, String.valueOf(day.getDayOfMonth()),
                    day + ": " + d.sent() + " sent, " + d.failed() + " failed"));
        }
        return new DigestDeliveryChart(days * (BAR_WIDTH + GAP), HEIGHT, bars, max);
    }
}
