package org.paperboy.paper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An arXiv identifier: new style ({@code 2503.11731}) or old style ({@code hep-th/9901001}),
 * with an optional version. {@link #base()} is the key a paper is stored under.
 */
public record ArxivId(String base, int version) {

    private static final Pattern NEW_STYLE = Pattern.compile("(\\d{4}\\.\\d{4,5})(?:v(\\d+))?");
    private static final Pattern OLD_STYLE = Pattern.compile("([a-z][a-z-]*(?:\\.[A-Z]{2})?/\\d{7})(?:v(\\d+))?");
    private static final Pattern IN_URL = Pattern.compile(
            "^(?:https?://)?(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf|html)/(.+?)(?:\\.pdf)?/?(?:[?#].*)?$",
            Pattern.CASE_INSENSITIVE);

    /** Version 0 means "no version given". */
    public static final int UNVERSIONED = 0;
    /** Far above any real paper's version count (arXiv's largest are in the hundreds), far below int overflow. */
    public static final int MAX_VERSION = 99_999;
    private static final int MAX_VERSION_DIGITS = 5;

    public ArxivId {
        if (base == null || base.isBlank()) throw new IllegalArgumentException("empty arXiv id");
        if (version < 0) throw new IllegalArgumentException("negative version");
    }

    /** Parses a bare id, an {@code arXiv:} prefixed id, or an arxiv.org abs/pdf URL. */
    public static Optional<ArxivId> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        Matcher url = IN_URL.matcher(s);
        if (url.matches()) s = url.group(1);
        if (s.regionMatches(true, 0, "arxiv:", 0, 6)) s = s.substring(6);
        for (Pattern p : new Pattern[] {NEW_STYLE, OLD_STYLE}) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                if (m.group(2) == null) return Optional.of(new ArxivId(m.group(1), UNVERSIONED));
                return version(m.group(2)).map(v -> new ArxivId(m.group(1), v));
            }
        }
        return Optional.empty();
    }

    /** A version is at most {@link #MAX_VERSION}: a longer digit string is not an id, not an overflow. */
    private static Optional<Integer> version(String digits) {
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        if (d.length() > MAX_VERSION_DIGITS) return Optional.empty();
        int v = Integer.parseInt(d);
        return v > MAX_VERSION ? Optional.empty() : Optional.of(v);
    }

    /** Like {@link #parse} but throws with a message naming the bad input. */
    public static ArxivId of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an arXiv id: '" + text + "'"));
    }

    public boolean hasVersion() {
        return version != UNVERSIONED;
    }

    public ArxivId withVersion(int v) {
        return new ArxivId(base, v);
    }

    public boolean isOldStyle() {
        return base.contains("/");
    }

    @Override
    public String toString() {
        return hasVersion() ? base + "v" + version : base;
    }
}
