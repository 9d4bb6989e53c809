package org.paperboy.cli;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A progress line on standard error: count (of total when known), percentage, rate and ETA.
 * On a terminal it redraws in place; otherwise (logs, CI) it prints a line every few seconds.
 */
public final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long TERMINAL_REDRAW_NANOS = 100_000_000L;
    private static final long LOG_LINE_NANOS = 5_000_000_000L;

    private final String label;
    private final PrintStream out;
    private final boolean terminal;
    private final long start = System.nanoTime();
    private long total;
    private long done;
    private long lastDraw;

    public ProgressBar(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    ProgressBar(String label, long total, PrintStream out, boolean terminal) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
    }

    /** Total unknown: pass 0 or less, and the bar shows count and rate only. */
    public synchronized void total(long newTotal) {
        total = newTotal;
    }

    public synchronized void step(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastDraw < (terminal ? TERMINAL_REDRAW_NANOS : LOG_LINE_NANOS)) return;
        lastDraw = now;
        draw(false);
    }

    public synchronized long done() {
        return done;
    }

    private void draw(boolean last) {
        String line = render(label, done, total, System.nanoTime() - start);
        if (terminal) out.print("\r" + line + (last ? "\n" : ""));
        else out.println(line);
        out.flush();
    }

    static String render(String label, long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
        double rate = done / seconds;
        StringBuilder s = new StringBuilder(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * done / total);
            s.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
            s.append(String.format("%,d/%,d %3d%%", done, total, Math.min(100, 100 * done / total)));
        } else {
            s.append(String.format("%,d", done));
        }
        s.append(String.format("  %,.0f/s", rate));
        if (total > 0 && rate > 0 && done < total) s.append("  ETA ").append(clock((long) ((total - done) / rate)));
        else s.append("  ").append(clock((long) seconds));
        return s.toString();
    }

    private static String clock(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    @Override
    public synchronized void close() {
        draw(true);
    }
}
