package org.paperboy.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;
import org.paperboy.paper.Paper;

/**
 * The JSON lines of ../shared/data/arxiv-daily ({"id","title","abstract","authors":[names],
 * "categories","primary_category","comment","first_listing_date",...}). Listing date:
 * first_listing_date. The format carries no versions, so the paper's version stays unknown.
 * Read with Jackson's streaming parser: this is the format of the import benchmark.
 */
final class ArxivDailyReader extends JsonLinesReader {

    @Override
    Paper parse(String line) throws IOException, BadRecord {
        PaperDraft d = new PaperDraft();
        String listing = null;
        try (JsonParser p = JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new BadRecord(BadRecord.MALFORMED_JSON, "a line must hold one JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "id" -> d.id = p.getValueAsString();
                    case "title" -> d.title = p.getValueAsString();
                    case "abstract" -> d.abstractText = p.getValueAsString();
                    case "comment" -> d.comments = p.getValueAsString();
                    case "primary_category" -> d.primaryCategory = p.getValueAsString();
                    case "first_listing_date" -> listing = p.getValueAsString();
                    case "authors" -> strings(p, value, name -> d.addAuthor(name, null));
                    case "categories" -> strings(p, value, d.categories::add);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) throw new BadRecord(BadRecord.MALFORMED_JSON, "unexpected " + p.currentToken());
        }
        d.listingDate = PaperDraft.date("first_listing_date", listing);
        return d.build();
    }

    /** Each string of an array; anything else in it is skipped. */
    private static void strings(JsonParser p, JsonToken value, Consumer<String> each) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) throw new JsonEOFException(p, null, "end of input inside an array");
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            String s = p.getValueAsString();
            if (s != null) each.accept(s);
        }
    }

    @Override
    Paper convert(JsonNode n) throws BadRecord {
        throw new UnsupportedOperationException("read with the streaming parser");
    }
}
