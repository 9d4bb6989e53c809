package org.paperboy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLinks;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * Reads ../shared/data/arxiv-daily/papers.jsonl.gz into the catalog, for search benchmarks until
 * the importer (ingest) is merged. Not the product's importer: no error reporting beyond skipping.
 */
public final class ArxivDailyLoader {

    private ArxivDailyLoader() {}

    public static int load(Path file, PaperRepository papers, int max, LongConsumer progress) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Paper> batch = new ArrayList<>();
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null && n < max; ) {
                Paper p = paper(json.readTree(line));
                if (p == null) continue;
                batch.add(p);
                n++;
                if (batch.size() == 2000) {
                    papers.upsert(batch, p.listingDate(), (stored, incoming) -> incoming);
                    progress.accept(batch.size());
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) papers.upsert(batch, batch.get(0).listingDate(), (stored, incoming) -> incoming);
        progress.accept(batch.size());
        return n;
    }

    /** The first {@code max} papers of the file, without storing them. */
    public static List<Paper> read(Path file, int max) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Paper> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null && out.size() < max; ) {
                Paper p = paper(json.readTree(line));
                if (p != null) out.add(p);
            }
        }
        return out;
    }

    static Paper paper(JsonNode d) {
        var id = ArxivId.parse(d.path("id").asText());
        String title = d.path("title").asText("").strip();
        if (id.isEmpty() || title.isEmpty()) return null;
        List<Author> authors = new ArrayList<>();
        for (JsonNode a : d.path("authors")) if (!a.asText().isBlank()) authors.add(Author.named(a.asText()));
        List<String> cats = new ArrayList<>();
        for (JsonNode c : d.path("categories")) cats.add(c.asText());
        String primary = d.path("primary_category").asText(cats.isEmpty() ? null : cats.get(0));
        if (!cats.remove(primary)) { /* primary not listed: keep as given */ }
        cats.add(0, primary);
        String abs = d.path("abstract").asText("");
        String comment = d.hasNonNull("comment") ? d.path("comment").asText() : null;
        LocalDate day = LocalDate.parse(d.path("first_listing_date").asText());
        return new Paper(new ArxivId(id.get().base(), 1), title, authors, abs, primary, cats, comment, null, null, null, day, null,
                List.of(), day, CodeLinks.find(abs, comment == null ? "" : comment), 0, 0);
    }
}
