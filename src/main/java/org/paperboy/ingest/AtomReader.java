package org.paperboy.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

/**
 * arXiv API pages (Atom 1.0 with arxiv: and opensearch: extensions), one or many entries.
 * Listing date: the entry's {@code published} day (v1), since the API does not say when a paper
 * was announced. arXiv answers a bad id with an entry whose id is .../api/errors#...: reported.
 */
public final class AtomReader implements PaperReader {

    @Override
    public void read(InputStream in, String source, RecordSink sink) throws IOException {
        readPage(in, source, sink);
    }

    public AtomPage readPage(InputStream in, String source, RecordSink sink) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int[] count = {0};
        XmlChunks.End end = XmlChunks.split(reader, "entry", (xml, line) -> {
            count[0]++;
            String position = "entry " + count[0] + " (line " + line + ")";
            try {
                XmlNode entry = XmlNode.parse(xml);
                String id = entry.textOf("id");
                if (id != null && id.contains("/api/errors")) {
                    sink.rejected(new Rejection(source, position, "arXiv API error", Text.oneLine(entry.textOf("summary"))));
                    return;
                }
                sink.paper(convert(entry));
            } catch (XMLStreamException e) {
                sink.rejected(new Rejection(source, position, BadRecord.BROKEN_XML, OaiPmhReader.xmlProblem(e, line)));
            } catch (BadRecord e) {
                sink.rejected(new Rejection(source, position, e.reason(), e.getMessage()));
            }
        });
        if (end.truncation() != null) {
            sink.rejected(new Rejection(source, "line " + end.lines(), Rejection.TRUNCATED, end.truncation() + "; " + count[0] + " entries before it were read"));
            return new AtomPage(null, end.truncation());
        }
        try {
            return new AtomPage(totalResults(end.envelope()), null);
        } catch (XMLStreamException e) {
            String problem = OaiPmhReader.xmlProblem(e, 1).replaceFirst("^at line \\d+: ", "");
            sink.rejected(new Rejection(source, "line " + end.lines(), Rejection.TRUNCATED,
                    "the feed around the entries is incomplete or broken (" + problem + "); " + count[0] + " entries were read"));
            return new AtomPage(null, problem);
        }
    }

    private static Long totalResults(String envelope) throws XMLStreamException {
        XMLStreamReader r = XmlNode.factoryInstance().createXMLStreamReader(new StringReader(envelope));
        Long total = null;
        boolean root = true;
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
            String name = XmlNode.local(r.getLocalName());
            if (root && !name.equals("feed")) throw new XMLStreamException("the document is <" + name + ">, not an Atom feed");
            root = false;
            if (name.equals("totalResults")) {
                try {
                    total = Long.parseLong(r.getElementText().strip());
                } catch (NumberFormatException e) {
                    total = null;
                }
            }
        }
        return total;
    }

    static Paper convert(XmlNode e) throws BadRecord {
        PaperDraft d = new PaperDraft();
        String idUrl = Text.clean(e.textOf("id"));
        d.id = idUrl;
        d.title = e.textOf("title");
        d.abstractText = e.textOf("summary");
        for (XmlNode a : e.all("author")) {
            String affiliation = a.all("affiliation").stream().map(XmlNode::text).map(Text::oneLine)
                    .filter(Objects::nonNull).reduce((x, y) -> x + "; " + y).orElse(null);
            d.addAuthor(a.textOf("name"), affiliation);
        }
        XmlNode primary = e.child("primary_category");
        if (primary != null) d.primaryCategory = primary.attributes().get("term");
        for (XmlNode c : e.all("category")) d.categories.add(c.attributes().get("term"));
        d.comments = e.textOf("comment");
        d.journalRef = e.textOf("journal_ref");
        d.doi = e.textOf("doi");
        LocalDate published = PaperDraft.date("published", e.textOf("published"));
        LocalDate updated = PaperDraft.date("updated", e.textOf("updated"));
        d.submitted = published;
        d.submittedAt = PaperDraft.instant(e.textOf("published"));
        int version = idUrl == null ? 0 : ArxivId.parse(idUrl).map(ArxivId::version).orElse(0);
        if (published != null) d.versions.add(new PaperVersion(1, published, null));
        if (version > 1) {
            d.versions.add(new PaperVersion(version, updated, null));
            d.updated = updated;
            d.updatedAt = PaperDraft.instant(e.textOf("updated"));
        }
        d.listingDate = published;
        return d.build();
    }
}
