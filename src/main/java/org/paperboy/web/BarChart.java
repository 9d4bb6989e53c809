package org.paperboy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A horizontal bar chart drawn as server-side SVG (no JavaScript): one bar per label, longest
 * first. The geometry is computed here so that the template only places shapes.
 */
public record BarChart(String title, String description, int width, int height, List<Bar> bars) {

    public static final int MAX_BARS = 10;
    static final int WIDTH = 480;
    static final int ROW = 24;
    static final int LABEL_WIDTH = 100;
    static final int VALUE_WIDTH = 48;
    static final int BAR_HEIGHT = 16;

    public record Bar(String label, int value, String href, int y, int barWidth, int textY) {}

    /**
     * @param hrefs where each label links to (e.g. the filtered listing); may miss labels
     */
    public static BarChart of(String title, Map<String, Integer> counts, Map<String, String> hrefs) {
        List<Map.Entry<String, Integer>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_BARS).toList();
        int max = top.stream().mapToInt(Map.Entry::getValue).max().orElse(1);
        int room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            var e = top.get(i);
            int w = Math.max(2, (int) Math.round((double) e.getValue() / Math.max(1, max) * room));
            bars.add(new Bar(e.getKey(), e.getValue(), hrefs.get(e.getKey()), i * ROW, w, i * ROW + BAR_HEIGHT - 3));
        }
        String description = top.stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        return new BarChart(title, description, WIDTH, Math.max(ROW, top.size() * ROW), bars);
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
