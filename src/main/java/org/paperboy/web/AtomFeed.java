package org.paperboy.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

/**
 * An Atom 1.0 feed (RFC 4287) of papers. Written with StAX, which escapes every text and
 * attribute, so a title with {@code <} or {@code &} stays well-formed.
 */
public final class AtomFeed {

    private static final String NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {}

    /**
     * @param selfUrl  the feed's own absolute URL (also its id)
     * @param pageUrl  the HTML page it mirrors
     * @param baseUrl  the site's base URL, for paper links
     */
    public static String write(String title, String selfUrl, String pageUrl, String baseUrl, List<Paper> papers, LocalDate updated) {
        return write(title, selfUrl, selfUrl, pageUrl, baseUrl, papers, updated, Map.of());
    }

    /**
     * One page of a paged feed (RFC 5005 section 3): {@code id} names the whole feed, {@code selfUrl}
     * this page, and {@code paging} holds the {@code first}, {@code previous}, {@code next} and
     * {@code last} links that a reader follows to see every entry.
     */
    public static String write(String title, String id, String selfUrl, String pageUrl, String baseUrl, List<Paper> papers, LocalDate updated,
                               Map<String, String> paging) {
        StringWriter out = new StringWriter(4096 + papers.size() * 1500);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            text(w, "title", title);
            text(w, "id", id);
            text(w, "updated", feedUpdated(updated, papers).toString());
            link(w, "self", selfUrl, "application/atom+xml");
            link(w, "alternate", pageUrl, "text/html");
            for (Map.Entry<String, String> e : paging.entrySet()) link(w, e.getKey(), e.getValue(), "application/atom+xml");
            text(w, "generator", "Paperboy");
            // RFC 4287: a feed-level author covers entries that name none
            w.writeStartElement("author");
            text(w, "name", "Paperboy");
            w.writeEndElement();
            for (Paper p : papers) entry(w, p, baseUrl);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write Atom feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter w, Paper p, String baseUrl) throws XMLStreamException {
        w.writeStartElement("entry");
        text(w, "id", "https://arxiv.org/abs/" + p.id().base());
        text(w, "title", Text.oneLine(p.title()));
        text(w, "updated", entryUpdated(p).toString());
        if (p.submitted() != null) text(w, "published", p.submittedInstant().toString());
        link(w, "alternate", baseUrl + "/papers/" + p.id().base(), "text/html");
        link(w, "related", p.pdfUrl(), "application/pdf");
        for (Author a : p.authors()) {
            w.writeStartElement("author");
            text(w, "name", a.name());
            w.writeEndElement();
        }
        for (String c : p.categories()) {
            w.writeEmptyElement("category");
            w.writeAttribute("term", c);
            w.writeAttribute("scheme", "http://arxiv.org/schemas/atom");
        }
        // HTML, since readers run no script: math as MathML, \emph{} as emphasis (FeedHtml)
        w.writeStartElement("summary");
        w.writeAttribute("type", "html");
        w.writeCharacters(stripInvalid(FeedHtml.abstractHtml(p.abstractText())));
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(stripInvalid(value == null ? "" : value));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
        w.writeAttribute("type", type);
    }

    private static Instant midnight(LocalDate d) {
        return (d == null ? LocalDate.EPOCH : d).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * The latest of the listing day and the paper's own times (v1, latest version): the time of day
     * where arXiv gave one, midnight UTC where only a date is known.
     */
    static Instant entryUpdated(Paper p) {
        Instant at = midnight(p.listingDate() != null ? p.listingDate() : p.submitted());
        for (Instant t : new Instant[] {p.submittedInstant(), p.updatedInstant()}) if (t != null && t.isAfter(at)) at = t;
        return at;
    }

    /** No earlier than any entry's {@code updated}, since the feed changed when they did. */
    private static Instant feedUpdated(LocalDate day, List<Paper> papers) {
        Instant at = midnight(day);
        for (Paper p : papers) {
            Instant e = entryUpdated(p);
            if (e.isAfter(at)) at = e;
        }
        return at;
    }

    /** XML 1.0 cannot carry most control characters even escaped; drop them. */
    static String stripInvalid(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
