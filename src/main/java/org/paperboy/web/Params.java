package org.paperboy.web;

import java.util.function.Supplier;
import org.paperboy.paper.ArxivId;
import org.paperboy.rank.Period;

/** Request parameters parsed strictly: anything malformed becomes a 400 with a message naming it. */
final class Params {

    private Params() {}

    static <T> T parse(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
    }

    static Period period(Supplier<Period> parser) {
        return parse(parser);
    }

    static ArxivId arxivId(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return ArxivId.parse(text).orElseThrow(() -> HttpError.badRequest(
                "'" + shown + "' is not an arXiv id (new style 2503.11731, old style hep-th/9901001, optionally with v2)"));
    }
}
