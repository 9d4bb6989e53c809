package org.paperboy.recommend;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds arXiv ids in what a reader pastes or uploads: ids, abs/pdf URLs, {@code arXiv:} prefixes,
 * BibTeX {@code eprint} fields and arXiv DOIs (10.48550/arXiv.ID), Zotero CSL-JSON URLs and
 * numbers. One pattern for all of them, because each export writes the id in one of these forms.
 */
public final class SeedIds {
    /** Most ids a seed may hold at once. */
    public static final int MAX_IDS = 500;

    private static final Pattern NEW_STYLE = Pattern.compile("(?<![\\d.])(\\d{2}(?:0[1-9]|1[0-2])\\.\\d{4,5})(?:v\\d+)?(?![\\d])");
    private static final Pattern OLD_STYLE = Pattern.compile("(?i)(?:arxiv\\.org/(?:abs|pdf)/|arxiv:\\s*|eprint\\s*=\\s*[{\"]\\s*)([a-z\\-]+(?:\\.[A-Z]{2})?/\\d{7})");

    private SeedIds() {}

    /** The distinct versionless ids in order of appearance. */
    public static Set<String> find(String text) {
        Set<String> ids = new LinkedHashSet<>();
        if (text == null) return ids;
        Matcher m = NEW_STYLE.matcher(text);
        while (m.find() && ids.size() < MAX_IDS) ids.add(m.group(1));
        Matcher old = OLD_STYLE.matcher(text);
        while (old.find() && ids.size() < MAX_IDS) ids.add(old.group(1));
        return ids;
    }
}
