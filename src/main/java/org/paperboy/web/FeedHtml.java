package org.paperboy.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An abstract as HTML for feed readers, which run no JavaScript: paragraphs, TeX math as MathML
 * ({@link TexMathMl}), and {@code \emph{}}, {@code \textit{}}, {@code \textbf{}} and
 * {@code \texttt{}} as emphasis, by the same rules as the pages' KaTeX script. A formula that
 * cannot be drawn keeps its source text; everything else is escaped.
 */
final class FeedHtml {

    /** $$...$$, $...$ and \(...\), as the pages' script splits them. */
    private static final Pattern MATH = Pattern.compile("\\$\\$([^$]+)\\$\\$|\\$([^$]+)\\$|\\\\\\((.+?)\\\\\\)");
    private static final Pattern TEXT_COMMAND = Pattern.compile("\\\\(emph|textit|textbf|texttt)\\{([^{}$]*)}|\\\\([A-Za-z]+)(?![A-Za-z{])");

    private FeedHtml() {}

    static String abstractHtml(String text) {
        StringBuilder out = new StringBuilder();
        for (String p : Text.paragraphs(text)) out.append("<p>").append(inline(p)).append("</p>");
        return out.toString();
    }

    /** One paragraph or title: math drawn, text commands as emphasis, the rest escaped. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = MATH.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(textPart(text.substring(last, m.start())));
            String formula = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            Optional<String> mathml = TexMathMl.render(formula);
            out.append(mathml.orElseGet(() -> TexMathMl.escape(m.group())));
            last = m.end();
        }
        return out.append(textPart(text.substring(last))).toString();
    }

    private static String textPart(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = TEXT_COMMAND.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(TexMathMl.escape(text.substring(last, m.start())));
            last = m.end();
            if (m.group(1) != null) {
                String tag = switch (m.group(1)) {
                    case "textbf" -> "strong";
                    case "texttt" -> "code";
                    default -> "em";
                };
                out.append('<').append(tag).append('>').append(TexMathMl.escape(m.group(2))).append("</").append(tag).append('>');
            } else if (TexMathMl.isSymbol(m.group(3))) {
                out.append(TexMathMl.render("\\" + m.group(3)).orElseThrow());
            } else {
                out.append(TexMathMl.escape(m.group()));
            }
        }
        return out.append(TexMathMl.escape(text.substring(last))).toString();
    }
}
