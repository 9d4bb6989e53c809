package org.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;

/**
 * Kaggle's "arxiv-metadata-oai-snapshot" JSON lines. Authors come from authors_parsed
 * ([last, first, suffix, affiliation...]) when present, else from the authors string; the
 * listing date is the v1 date, as the snapshot does not say when a paper was announced.
 */
final class KaggleSnapshotReader extends JsonLinesReader {
    @Override
    Paper convert(JsonNode n) throws BadRecord {
        PaperDraft d = new PaperDraft();
        d.id = text(n, "id");
        d.title = text(n, "title");
        d.abstractText = text(n, "abstract");
        d.addCategories(text(n, "categories"));
        d.comments = text(n, "comments");
        d.journalRef = text(n, "journal-ref");
        d.doi = text(n, "doi");
        d.license = text(n, "license");
        readAuthors(n, d);
        for (JsonNode v : n.path("versions")) {
            d.versions.add(new PaperVersion(PaperDraft.versionNumber(text(v, "version")),
                    PaperDraft.date("versions.created", text(v, "created")), null));
        }
        // update_date is when arXiv last touched the metadata, not a version date: checked, not stored
        PaperDraft.date("update_date", text(n, "update_date"));
        // listed on the day of its first version
        d.versions.stream().min(Comparator.comparingInt(PaperVersion::version)).ifPresent(v -> d.listingDate = v.submitted());
        return d.build();
    }

    private static void readAuthors(JsonNode n, PaperDraft d) {
        JsonNode parsed = n.path("authors_parsed");
        if (parsed.isArray() && !parsed.isEmpty()) {
            for (JsonNode a : parsed) {
                String last = a.path(0).asText("").strip();
                String first = a.path(1).asText("").strip();
                String suffix = a.path(2).asText("").strip();
                String name = (first.isEmpty() ? "" : first + " ") + last + (suffix.isEmpty() ? "" : " " + suffix);
                d.addAuthor(name, a.size() > 3 ? a.path(3).asText(null) : null);
            }
            return;
        }
        for (AuthorList.Named a : AuthorList.split(text(n, "authors"))) d.addAuthor(a.name(), a.affiliation());
    }
}
