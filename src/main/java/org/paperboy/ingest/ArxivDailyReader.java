package org.paperboy.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.paperboy.paper.Paper;

/**
 * The JSON lines of ../shared/data/arxiv-daily ({"id","title","abstract","authors":[names],
 * "categories","primary_category","comment","first_listing_date",...}). Listing date:
 * first_listing_date. The format carries no versions, so the paper's version stays unknown.
 */
final class ArxivDailyReader extends JsonLinesReader {
    @Override
    Paper convert(JsonNode n) throws BadRecord {
        PaperDraft d = new PaperDraft();
        d.id = text(n, "id");
        d.title = text(n, "title");
        d.abstractText = text(n, "abstract");
        JsonNode authors = n.path("authors");
        for (JsonNode a : authors) d.addAuthor(a.isTextual() ? a.asText() : a.path("name").asText(null), null);
        d.primaryCategory = text(n, "primary_category");
        for (JsonNode c : n.path("categories")) d.categories.add(c.asText());
        d.comments = text(n, "comment");
        d.listingDate = PaperDraft.date("first_listing_date", text(n, "first_listing_date"));
        return d.build();
    }
}
