package org.paperboy.ingest;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Cuts an XML document into its repeated elements ({@code <record>} of OAI-PMH, {@code <entry>}
 * of Atom) and the envelope around them. Each element is parsed on its own, so one broken
 * element costs one record, not the rest of the page; the envelope (errors, resumption token,
 * totals) is small and parsed at the end. Memory holds one element at a time.
 */
final class XmlChunks {

    interface Handler {
        void element(String xml, long startLine);
    }

    /** How reading ended: complete, or cut off (inside an element or by a broken stream). */
    record End(String envelope, long lines, String truncation) {}

    private XmlChunks() {}

    static End split(BufferedReader in, String tag, Handler handler) {
        String open = "<" + tag;
        String close = "</" + tag + ">";
        StringBuilder envelope = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        boolean inside = false;
        long chunkLine = 0;
        long lineNo = 0;
        String line;
        while (true) {
            try {
                line = in.readLine();
            } catch (IOException e) {
                return new End(envelope.toString(), lineNo, "the input breaks off after line " + lineNo + " (" + e.getMessage() + ")");
            }
            if (line == null) break;
            lineNo++;
            int pos = 0;
            while (pos <= line.length()) {
                if (!inside) {
                    int idx = findOpen(line, open, pos);
                    if (idx < 0) {
                        envelope.append(line, pos, line.length()).append('\n');
                        break;
                    }
                    envelope.append(line, pos, idx);
                    inside = true;
                    chunk.setLength(0);
                    chunkLine = lineNo;
                    pos = idx;
                } else {
                    int idx = line.indexOf(close, pos);
                    if (idx < 0) {
                        chunk.append(line, pos, line.length()).append('\n');
                        break;
                    }
                    int end = idx + close.length();
                    chunk.append(line, pos, end);
                    inside = false;
                    handler.element(chunk.toString(), chunkLine);
                    pos = end;
                }
            }
        }
        if (inside) return new End(envelope.toString(), lineNo, "the input ends inside the <" + tag + "> that starts at line " + chunkLine);
        return new End(envelope.toString(), lineNo, null);
    }

    /** "<record>" or "<record " but not "<records>". */
    private static int findOpen(String line, String open, int from) {
        int idx = line.indexOf(open, from);
        while (idx >= 0) {
            int after = idx + open.length();
            if (after >= line.length()) return idx;
            char c = line.charAt(after);
            if (c == '>' || c == ' ' || c == '\t' || c == '/') return idx;
            idx = line.indexOf(open, after);
        }
        return -1;
    }
}
