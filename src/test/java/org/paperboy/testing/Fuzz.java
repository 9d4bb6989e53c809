package org.paperboy.testing;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Property tests with generated hostile input, on a time budget. Each case draws from its own
 * {@code Random(seed + case)}, so a failure names the seed and case that reproduce it. The normal
 * test run spends a few seconds per property; {@code -Dpaperboy.fuzz.seconds=N} spends N seconds on
 * each, and {@code -Dpaperboy.fuzz.seed=S} replays a run.
 */
public final class Fuzz {
    public static final String SECONDS = "paperboy.fuzz.seconds";
    public static final String SEED = "paperboy.fuzz.seed";

    private Fuzz() {}

    /** Runs {@code property} on fresh random cases until the budget is spent (at least {@code minCases}); returns the count. */
    public static int check(String name, Duration shortBudget, int minCases, Consumer<Random> property) {
        String configured = System.getProperty(SECONDS);
        Duration budget = configured == null || configured.isBlank() ? shortBudget : Duration.ofSeconds(Long.parseLong(configured.strip()));
        long seed = Long.getLong(SEED, new Random().nextLong());
        long end = System.nanoTime() + budget.toNanos();
        int n = 0;
        while (n < minCases || System.nanoTime() < end) {
            try {
                property.accept(new Random(seed + n));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(name + " failed at case " + n + " (replay with -D" + SEED + "=" + seed + "): " + e, e);
            }
            n++;
        }
        return n;
    }

    /** Pieces that broke parsers somewhere once: overflow, odd dates, syntax, encodings, controls. */
    static final List<String> NASTY = List.of("", " ", "\u0000", "\t", "\r\n", "\n", "%", "%00", "%zz", "%0a", "../", "..%2F", "<script>",
            "'", "\"", "\\", "/", "//", "?", "#", "&", "=", "+", "*", "~", "^", ":", "(", ")", "[", "]", "{", "}", "AND", "OR", "NOT", "-",
            "!", "\uD83D\uDE00", "\uFFFF", "\uD800", "é", "\u0661\u0662", "\uFF19", "99999999999999999999", "-1", "0", "2147483648",
            "9223372036854775808", "1e309", "NaN", "Infinity", "2503.11731", "2503.11731v99999999999999", "v", "hep-th/9901001",
            "2026-W99", "2026-W00", "2026-13-45", "2026-02-30", "0000-01-01", "+999999999-12-31", "-2026-01-01", "T", "Z", "cat:",
            "title:", "year:", "author:", "id:", "\"unclosed", "a*", "?b", "c~2", "[1 TO", "null", "true", "{\"", "]]>", "<!--",
            "&amp;", "&#0;", "javascript:", "data:", "\u202E", "\u200B", "ſ", "K", "İ");

    public static String nasty(Random r) {
        StringBuilder s = new StringBuilder();
        int parts = 1 + r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            switch (r.nextInt(4)) {
                case 0 -> s.append((char) r.nextInt(0x3000));
                case 1 -> s.append(r.nextInt(100) == 0 ? "x".repeat(1 + r.nextInt(5000)) : Integer.toString(r.nextInt(), 36));
                default -> s.append(NASTY.get(r.nextInt(NASTY.size())));
            }
        }
        return s.toString();
    }

    /** Mostly well-formed arXiv ids with the parts pushed to extremes; sometimes plain garbage. */
    public static String arxivId(Random r) {
        if (r.nextInt(5) == 0) return nasty(r);
        String base = r.nextBoolean()
                ? digits(r, 4) + "." + digits(r, 4 + r.nextInt(2))
                : pick(r, "hep-th", "math.GT", "cs", "astro-ph", "q-bio.NC", "x") + "/" + digits(r, 5 + r.nextInt(4));
        String version = switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "v" + (1 + r.nextInt(20));
            case 2 -> "v" + digits(r, 1 + r.nextInt(25));
            default -> "v" + pick(r, "-1", "", "0x10", "1.5", "\uFF19", "00000000000000000001");
        };
        String prefix = pick(r, "", "", "arXiv:", "https://arxiv.org/abs/", "http://export.arxiv.org/pdf/");
        return prefix + base + version + pick(r, "", "", ".pdf", "/", "?x=1", "#frag", " ");
    }

    /** Dates, weeks and months, valid and not. */
    public static String date(Random r) {
        if (r.nextInt(5) == 0) return nasty(r);
        String year = r.nextInt(6) == 0 ? digits(r, 1 + r.nextInt(12)) : Integer.toString(1990 + r.nextInt(50));
        return switch (r.nextInt(3)) {
            case 0 -> year + "-" + pad(r.nextInt(15)) + "-" + pad(r.nextInt(35));
            case 1 -> year + "-W" + pad(r.nextInt(60));
            default -> year + "-" + pad(r.nextInt(15));
        };
    }

    /** Search queries: words, field filters and query syntax. */
    public static String query(Random r) {
        StringBuilder s = new StringBuilder();
        int words = 1 + r.nextInt(6);
        for (int i = 0; i < words; i++) {
            if (i > 0) s.append(' ');
            s.append(switch (r.nextInt(5)) {
                case 0 -> pick(r, "attention", "heads", "graph", "neural", "quantum", "the");
                case 1 -> pick(r, "cat:", "year:", "author:", "title:", "-", "\"", "+", "(") + pick(r, "cs.LG", "2025", "2025..2026", "x", "");
                default -> nasty(r);
            });
        }
        return s.toString();
    }

    /** A JSON value of any type, nested a little, with the keys the API reads among random ones. */
    public static String json(Random r, int depth) {
        int kind = depth > 3 ? 2 + r.nextInt(5) : r.nextInt(8);
        return switch (kind) {
            case 0 -> {
                StringBuilder s = new StringBuilder("{");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) s.append(',');
                    s.append(quote(pick(r, "body", "parent", "email", "topics", "frequency", "id", nasty(r)))).append(':').append(json(r, depth + 1));
                }
                yield s.append('}').toString();
            }
            case 1 -> {
                StringBuilder s = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) s.append(i > 0 ? "," : "").append(json(r, depth + 1));
                yield s.append(']').toString();
            }
            case 2 -> quote(nasty(r));
            case 3 -> pick(r, "0", "-1", "1.5", "1e400", "99999999999999999999999", "-0", "12");
            case 4 -> pick(r, "true", "false", "null");
            case 5 -> nasty(r); // not JSON at all
            default -> depth == 0 ? "{\"body\": " + quote(nasty(r)) + ", \"parent\": " + pick(r, "null", "1", "\"1\"", "-5") + "}" : quote(nasty(r));
        };
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    @SafeVarargs
    public static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static String digits(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append((char) ('0' + r.nextInt(10)));
        return s.toString();
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
