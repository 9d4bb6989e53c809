package org.paperboy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** arXiv's doi field may hold several DOIs ("10.1/a 10.2/b"); reference managers want one per field or tag. */
final class Dois {

    /** A DOI: "10.", a registrant code, "/", a suffix without spaces (Crossref's pattern, loosened for old and short registrant codes). */
    private static final Pattern DOI = Pattern.compile("10\\.\\d+(\\.\\d+)*/\\S+");

    private Dois() {}

    static List<String> split(String field) {
        List<String> out = new ArrayList<>();
        if (field == null) return out;
        Matcher m = DOI.matcher(field);
        while (m.find()) {
            String d = m.group().replaceAll("[,;.]+$", "");
            if (!out.contains(d)) out.add(d);
        }
        return out;
    }
}
