package org.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The input formats Paperboy imports, told apart by their content, never by file name. */
public enum Format {
    KAGGLE_SNAPSHOT("Kaggle arxiv-metadata-oai-snapshot JSON lines", new KaggleSnapshotReader()),
    ARXIV_DAILY("arxiv-daily JSON lines (first_listing_date)", new ArxivDailyReader()),
    OAI_PMH("OAI-PMH XML (ListRecords/GetRecord, metadataPrefix arXiv or arXivRaw)", new OaiPmhReader()),
    ATOM("arXiv API Atom XML", new AtomReader());

    private static final int PEEK = 1 << 16;

    public final String description;
    public final PaperReader reader;

    Format(String description, PaperReader reader) {
        this.description = description;
        this.reader = reader;
    }

    public static String known() {
        return Arrays.stream(values()).map(f -> f.description).collect(Collectors.joining("; "));
    }

    /**
     * Looks at the start of the (already decompressed) stream and resets it. JSON lines are told
     * apart by the first record's keys; XML by its root element.
     *
     * @throws UnknownFormatException naming the formats known
     */
    public static Format detect(BufferedInputStream in, String source) throws IOException {
        String text = new String(peek(in), StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) i++;
        if (i == text.length()) throw new UnknownFormatException(source + " is empty");
        char first = text.charAt(i);
        if (first == '{') return jsonFormat(text.substring(i), source);
        if (first == '<') return xmlFormat(text.substring(i), source);
        throw new UnknownFormatException(source + ": not a format Paperboy knows; known formats: " + known());
    }

    /** The first bytes, without consuming them; a stream that breaks off early gives what came (the reader reports the cut). */
    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] buf = new byte[PEEK];
        int n = 0;
        try {
            for (int r; n < PEEK && (r = in.read(buf, n, PEEK - n)) > 0; ) n += r;
        } catch (EOFException e) {
            // a cut gzip: detect from what was read
        }
        in.reset();
        return Arrays.copyOf(buf, n);
    }

    private static Format jsonFormat(String text, String source) {
        int nl = text.indexOf('\n');
        String firstLine = nl < 0 ? text : text.substring(0, nl);
        if (firstLine.contains("\"first_listing_date\"")) return ARXIV_DAILY;
        if (firstLine.contains("\"authors_parsed\"") || firstLine.contains("\"versions\"") || firstLine.contains("\"update_date\"")) {
            return KAGGLE_SNAPSHOT;
        }
        throw new UnknownFormatException(source + ": JSON lines without the keys of a known format; known formats: " + known());
    }

    private static Format xmlFormat(String text, String source) {
        String root = rootElement(text);
        if (root.equals("OAI-PMH")) return OAI_PMH;
        if (root.equals("feed")) return ATOM;
        throw new UnknownFormatException(source + ": XML with root <" + root + "> is not a format Paperboy knows; known formats: " + known());
    }

    private static String rootElement(String text) {
        int i = 0;
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0 || lt + 1 >= text.length()) return "?";
            char c = text.charAt(lt + 1);
            if (c == '?' || c == '!') {
                int gt = text.indexOf('>', lt);
                if (gt < 0) return "?";
                i = gt + 1;
                continue;
            }
            int end = lt + 1;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '>' && text.charAt(end) != '/') end++;
            return XmlNode.local(text.substring(lt + 1, end));
        }
    }
}
