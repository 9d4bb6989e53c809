package org.paperboy.web.bench;

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
import java.util.zip.GZIPInputStream;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.CodeLinks;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperMerger;
import org.paperboy.store.PaperRepository;

/**
 * Loads ../shared/data/arxiv-daily/papers.jsonl.gz into a database for the listing benchmark and
 * web tests. A stand-in for the real importer ({@code paperboy import}); it does no validation
 * beyond skipping lines it cannot read.
 *
 * <p>Run: {@code java -cp ... org.paperboy.web.bench.ArxivDailyLoader DATA_DIR [FILE]}
 */
public final class ArxivDailyLoader {

    public static final Path DEFAULT_FILE = Path.of("../shared/data/arxiv-daily/papers.jsonl.gz");
    private static final int BATCH = 1000;
    private static final PaperMerger NEWER_WINS = (stored, incoming) -> incoming.id().version() >= stored.id().version() ? incoming : stored;

    private ArxivDailyLoader() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path file = args.length > 1 ? Path.of(args[1]) : DEFAULT_FILE;
        Files.createDirectories(data);
        long t0 = System.nanoTime();
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "")) {
            int n = load(new PaperRepository(db), file, Integer.MAX_VALUE);
            System.out.printf("loaded %d papers in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Reads up to {@code max} papers and upserts them in batches; returns how many were read. */
    public static int load(PaperRepository repo, Path file, int max) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Paper> batch = new ArrayList<>(BATCH);
        int n = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && n < max) {
                Paper p = paper(mapper.readTree(line));
                if (p == null) continue;
                batch.add(p);
                n++;
                if (batch.size() == BATCH) {
                    repo.upsert(batch, p.listingDate(), NEWER_WINS);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) repo.upsert(batch, batch.get(0).listingDate(), NEWER_WINS);
        return n;
    }

    static Paper paper(JsonNode j) {
        var id = ArxivId.parse(j.path("id").asText(""));
        if (id.isEmpty() || !j.hasNonNull("title") || !j.hasNonNull("first_listing_date")) return null;
        List<Author> authors = new ArrayList<>();
        j.path("authors").forEach(a -> {
            if (!a.asText("").isBlank()) authors.add(Author.named(a.asText()));
        });
        List<String> cats = new ArrayList<>();
        j.path("categories").forEach(c -> cats.add(c.asText()));
        String primary = j.path("primary_category").asText(cats.isEmpty() ? null : cats.get(0));
        if (primary != null && !cats.contains(primary)) cats.add(0, primary);
        String comment = j.hasNonNull("comment") ? j.get("comment").asText() : null;
        String abs = j.path("abstract").asText("");
        LocalDate listed = LocalDate.parse(j.get("first_listing_date").asText());
        ArxivId base = id.get().hasVersion() ? id.get() : id.get().withVersion(1);
        return new Paper(base, j.get("title").asText(), authors, abs, primary, cats, comment, null, null, null,
                null, null, List.of(), listed, CodeLinks.find(abs, comment), 0, 0);
    }
}
