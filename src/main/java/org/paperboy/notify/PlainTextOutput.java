package org.paperboy.notify;

import gg.jte.html.HtmlTemplateOutput;

/**
 * Output for the plain-text mail templates. The project's templates are compiled for HTML; a text
 * part must carry the subscriber's text as it is (no {@code &lt;} entities), so this output
 * writes user content unchanged. Used only for text/plain parts, never for HTML.
 */
final class PlainTextOutput implements HtmlTemplateOutput {
    private final StringBuilder out = new StringBuilder(4096);

    @Override
    public void setContext(String tagName, String attributeName) {
        // no HTML contexts in plain text
    }

    @Override
    public void writeContent(String value) {
        out.append(value);
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        out.append(value, beginIndex, endIndex);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
