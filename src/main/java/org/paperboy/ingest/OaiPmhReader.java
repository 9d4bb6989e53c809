package org.paperboy.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

/**
 * OAI-PMH ListRecords and GetRecord responses with metadataPrefix {@code arXiv} or
 * {@code arXivRaw}. Listing date of a paper: its header datestamp (for a new paper, the day
 * arXiv announced it; for a known paper the store keeps the first listing date anyway).
 * Records arXiv deleted go to {@link RecordSink#withdrawn}: a paper we hold leaves the feed.
 */
public final class OaiPmhReader implements PaperReader {

    /** Answers to OAI-PMH verbs that carry no records: importing one reads nothing, which the import must say. */
    static final Set<String> RECORDLESS_VERBS = Set.of("Identify", "ListSets", "ListIdentifiers", "ListMetadataFormats");
    /** The reason an import counts a record-less response by. */
    public static final String NO_RECORDS = "no records in this response";

    @Override
    public void read(InputStream in, String source, RecordSink sink) throws IOException {
        OaiPage page = readPage(in, source, sink);
        if (page.hasError() && !page.nothingNew()) {
            sink.rejected(new Rejection(source, "response", "OAI-PMH error " + page.errorCode(), page.errorMessage()));
        }
    }

    public OaiPage readPage(InputStream in, String source, RecordSink sink) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        LocalDate[] lastDatestamp = {null};
        int[] count = {0};
        XmlChunks.End end = XmlChunks.split(reader, "record", (xml, line) -> {
            count[0]++;
            String position = "record " + count[0] + " (line " + line + ")";
            try {
                XmlNode record = XmlNode.parse(xml);
                LocalDate stamp = datestamp(record);
                if (stamp != null && (lastDatestamp[0] == null || stamp.isAfter(lastDatestamp[0]))) lastDatestamp[0] = stamp;
                String gone = withdrawnId(record);
                if (gone != null) sink.withdrawn(gone);
                else sink.paper(convert(record));
            } catch (XMLStreamException e) {
                sink.rejected(new Rejection(source, position, BadRecord.BROKEN_XML, xmlProblem(e, line)));
            } catch (BadRecord e) {
                sink.rejected(new Rejection(source, position, e.reason(), e.getMessage()));
            }
        });
        if (end.truncation() != null) {
            sink.rejected(new Rejection(source, "line " + end.lines(), Rejection.TRUNCATED, end.truncation() + "; " + count[0] + " records before it were read"));
            return new OaiPage(null, null, null, null, null, lastDatestamp[0], count[0], end.truncation());
        }
        return envelope(end, source, sink, lastDatestamp[0], count[0]);
    }

    static String xmlProblem(XMLStreamException e, long startLine) {
        String msg = e.getMessage() == null ? "not well-formed" : e.getMessage().replaceAll("\\s+", " ");
        int at = msg.indexOf("Message: ");
        if (at >= 0) msg = msg.substring(at + 9);
        long line = e.getLocation() == null ? startLine : startLine + e.getLocation().getLineNumber() - 1;
        return "at line " + line + ": " + msg.strip();
    }

    private static LocalDate datestamp(XmlNode record) {
        XmlNode header = record.child("header");
        if (header == null) return null;
        try {
            return PaperDraft.date("datestamp", header.textOf("datestamp"));
        } catch (BadRecord e) {
            return null;
        }
    }

    private OaiPage envelope(XmlChunks.End end, String source, RecordSink sink, LocalDate last, int records) {
        String code = null, message = null, token = null, verb = null;
        Long size = null, cursor = null;
        try {
            XMLStreamReader r = XmlNode.factoryInstance().createXMLStreamReader(new StringReader(end.envelope()));
            boolean root = true;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
                String name = XmlNode.local(r.getLocalName());
                if (root && !name.equals("OAI-PMH")) throw new XMLStreamException("the document is <" + name + ">, not an OAI-PMH response");
                root = false;
                if (verb == null && RECORDLESS_VERBS.contains(name)) verb = name;
                if (name.equals("error")) {
                    code = r.getAttributeValue(null, "code");
                    message = r.getElementText().strip();
                } else if (name.equals("resumptionToken")) {
                    size = number(r.getAttributeValue(null, "completeListSize"));
                    cursor = number(r.getAttributeValue(null, "cursor"));
                    token = Text.clean(r.getElementText());
                }
            }
        } catch (XMLStreamException e) {
            String problem = xmlProblem(e, 1).replaceFirst("^at line \\d+: ", "");
            sink.rejected(new Rejection(source, "line " + end.lines(), Rejection.TRUNCATED,
                    "the response around the records is incomplete or broken (" + problem + "); " + records + " records were read"));
            return new OaiPage(null, null, null, null, null, last, records, problem);
        }
        if (verb != null && records == 0) {
            sink.rejected(new Rejection(source, "response", NO_RECORDS, "this is the answer to the OAI-PMH verb " + verb
                    + ", which holds no papers; import a ListRecords or GetRecord response (metadataPrefix arXiv or arXivRaw)"));
        }
        return new OaiPage(code, message, token, size, cursor, last, records, null);
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The base id of a record arXiv deleted, or null when it was not deleted. */
    static String withdrawnId(XmlNode record) throws BadRecord {
        XmlNode header = record.child("header");
        if (header == null || !"deleted".equals(header.attributes().get("status"))) return null;
        String identifier = header.textOf("identifier");
        String id = identifier == null ? "" : identifier.strip().replaceFirst("^oai:arXiv\\.org:", "");
        return ArxivId.parse(id).map(ArxivId::base).orElseThrow(() ->
                new BadRecord(BadRecord.DELETED, "arXiv deleted a record whose identifier is not an arXiv id: " + identifier));
    }

    static Paper convert(XmlNode record) throws BadRecord {
        XmlNode header = record.child("header");
        XmlNode metadata = record.child("metadata");
        if (metadata == null || metadata.children().isEmpty()) throw new BadRecord(BadRecord.NO_ID, "the record has no metadata");
        XmlNode m = metadata.children().get(0);
        PaperDraft d = switch (m.name()) {
            case "arXiv" -> arXiv(m);
            case "arXivRaw" -> arXivRaw(m);
            default -> throw new BadRecord("unsupported metadata", "metadata format <" + m.name() + "> (known: arXiv, arXivRaw)");
        };
        d.listingDate = header == null ? null : PaperDraft.date("datestamp", header.textOf("datestamp"));
        return d.build();
    }

    private static PaperDraft common(XmlNode m) {
        PaperDraft d = new PaperDraft();
        d.id = m.textOf("id");
        d.title = m.textOf("title");
        d.abstractText = m.textOf("abstract");
        d.addCategories(m.textOf("categories"));
        d.comments = m.textOf("comments");
        d.journalRef = m.textOf("journal-ref");
        d.doi = m.textOf("doi");
        d.license = m.textOf("license");
        return d;
    }

    /** arXiv: structured authors with affiliations; v1 date and latest date but no version numbers. */
    private static PaperDraft arXiv(XmlNode m) throws BadRecord {
        PaperDraft d = common(m);
        XmlNode authors = m.child("authors");
        if (authors != null) {
            for (XmlNode a : authors.all("author")) {
                String keyname = Text.oneLine(a.textOf("keyname"));
                String forenames = Text.oneLine(a.textOf("forenames"));
                String suffix = Text.oneLine(a.textOf("suffix"));
                if (keyname == null) continue;
                String name = (forenames == null ? "" : forenames + " ") + keyname + (suffix == null ? "" : " " + suffix);
                String affiliation = a.all("affiliation").stream().map(XmlNode::text).map(Text::oneLine)
                        .filter(Objects::nonNull).reduce((x, y) -> x + "; " + y).orElse(null);
                d.addAuthor(name, affiliation);
            }
        }
        LocalDate created = PaperDraft.date("created", m.textOf("created"));
        d.updated = PaperDraft.date("updated", m.textOf("updated"));
        d.submitted = created;
        if (created != null) d.versions.add(new PaperVersion(1, created, null));
        d.latestVersionUnknown = d.updated != null;
        return d;
    }

    /** arXivRaw: the full version history with dates and sizes; authors as one line. */
    private static PaperDraft arXivRaw(XmlNode m) throws BadRecord {
        PaperDraft d = common(m);
        for (AuthorList.Named a : AuthorList.split(m.textOf("authors"))) d.addAuthor(a.name(), a.affiliation());
        for (XmlNode v : m.all("version")) {
            int number = PaperDraft.versionNumber(v.attributes().get("version"));
            d.versions.add(new PaperVersion(number, PaperDraft.date("version date", v.textOf("date")), Text.clean(v.textOf("size"))));
            Instant at = PaperDraft.instant(v.textOf("date"));
            if (at != null) d.versionTimes.put(number, at);
        }
        return d;
    }
}
