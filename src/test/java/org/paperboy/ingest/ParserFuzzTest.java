package org.paperboy.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.index.QueryException;
import org.paperboy.index.QueryParser;
import org.paperboy.paper.ArxivId;
import org.paperboy.rank.CategoryFilter;
import org.paperboy.rank.Paging;
import org.paperboy.rank.PeriodException;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.TestDatabases;
import org.paperboy.testing.Fuzz;

/**
 * Generated ids, dates, queries and import records against the parsers: each answers with a value
 * or its own "bad input" exception, never another one; an import accounts for every record.
 * See {@link Fuzz} for the budget and replay flags.
 */
class ParserFuzzTest {

    @TempDir
    Path tmp;

    @Test
    void arxivIdsParseOrNotButNeverThrowAndRoundTrip() {
        Fuzz.check("ArxivId.parse", Duration.ofSeconds(1), 2000, r -> {
            String text = Fuzz.arxivId(r);
            Optional<ArxivId> id = ArxivId.parse(text);
            id.ifPresent(v -> {
                assertTrue(v.version() >= 0 && v.version() <= ArxivId.MAX_VERSION, text);
                assertEquals(v, ArxivId.parse(v.toString()).orElseThrow(), "round trip of " + text);
            });
        });
    }

    @Test
    void queriesPagingAndCategoriesAnswerOrRefuseCleanly() {
        Fuzz.check("query, paging, category parsers", Duration.ofSeconds(1), 2000, r -> {
            try {
                QueryParser.parse(Fuzz.query(r));
            } catch (QueryException expected) {
                // a clear "bad query" for the user
            }
            try {
                Paging.parse(r.nextBoolean() ? Fuzz.nasty(r) : Integer.toString(r.nextInt()), r.nextBoolean() ? null : Fuzz.nasty(r));
            } catch (PeriodException expected) {
                // likewise
            }
            try {
                CategoryFilter.parse(List.of(Fuzz.nasty(r), Fuzz.pick(r, "cs.LG", "hep-th", Fuzz.nasty(r))));
            } catch (PeriodException expected) {
                // likewise
            }
        });
    }

    @Test
    void recordFieldsAreValuesOrBadRecords() {
        Fuzz.check("PaperDraft fields", Duration.ofSeconds(1), 2000, r -> {
            try {
                PaperDraft.date("created", r.nextBoolean() ? Fuzz.date(r) : Fuzz.nasty(r));
            } catch (BadRecord expected) {
                // rejected with its reason
            }
            try {
                int v = PaperDraft.versionNumber(Fuzz.pick(r, "v", "V", "") + Fuzz.pick(r, Fuzz.nasty(r), Integer.toString(r.nextInt())));
                assertTrue(v >= 1 && v <= ArxivId.MAX_VERSION, "version " + v);
            } catch (BadRecord expected) {
                // likewise
            }
        });
    }

    /** A Kaggle record for paper {@code n} (ids differ within a file: two records of one paper in a batch are one outcome). */
    static String kaggleLine(Random r, int n) {
        if (r.nextInt(10) == 0) return "x" + Fuzz.nasty(r).replaceAll("[\\r\\n]", " ");
        String id = r.nextInt(3) == 0 ? Fuzz.arxivId(r).replaceFirst("^\\d{4}\\.\\d{4,5}", "2502." + String.format("%05d", n)) : "2501." + String.format("%05d", n);
        StringBuilder s = new StringBuilder("{");
        s.append("\"id\": ").append(r.nextInt(8) == 0 ? Fuzz.json(r, 2) : Fuzz.quote(id));
        field(s, r, "title", Fuzz.quote("A title " + r.nextInt(100)));
        field(s, r, "authors", Fuzz.quote("A. Author, B. Author"));
        field(s, r, "abstract", Fuzz.quote("An abstract with https://github.com/a/b."));
        field(s, r, "categories", Fuzz.quote(Fuzz.pick(r, "cs.LG", "cs.CL stat.ML", "hep-th")));
        field(s, r, "comments", "null");
        field(s, r, "doi", "null");
        field(s, r, "update_date", Fuzz.quote(Fuzz.date(r)));
        String version = "{\"version\": " + (r.nextInt(4) == 0 ? Fuzz.json(r, 3) : Fuzz.quote("v" + Fuzz.pick(r, "1", "2", Fuzz.nasty(r))))
                + ", \"created\": " + (r.nextInt(4) == 0 ? Fuzz.quote(Fuzz.nasty(r)) : Fuzz.quote("Mon, 2 Apr 2007 19:18:42 GMT")) + "}";
        field(s, r, "versions", r.nextInt(6) == 0 ? Fuzz.json(r, 2) : "[" + version + "]");
        return s.append('}').toString().replaceAll("[\\r\\n]", " "); // one record, one line (a raw value may hold a newline)
    }

    /** The field with its usual value, or (one time in five) any JSON at all. */
    private static void field(StringBuilder s, Random r, String name, String usual) {
        if (r.nextInt(20) == 0) return;
        s.append(", ").append(Fuzz.quote(name)).append(": ").append(r.nextInt(5) == 0 ? Fuzz.json(r, 2) : usual);
    }

    @Test
    void anImportAccountsForEveryGeneratedLineAndNeverThrows() throws IOException {
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            ImportService service = new ImportService(new PaperRepository(db), new VersionMerger(), ImportServiceTest.CLOCK, 2);
            Fuzz.check("import of generated JSON lines", Duration.ofSeconds(2), 10, r -> {
                List<String> lines = new ArrayList<>();
                // a valid first line, so that the format is known and the rest is read as records
                lines.add("{\"id\": \"2500.00001\", \"title\": \"Anchor\", \"abstract\": \"a\", \"categories\": \"cs.LG\", "
                        + "\"versions\": [{\"version\": \"v1\", \"created\": \"Mon, 2 Apr 2007 19:18:42 GMT\"}]}");
                for (int i = 0; i < 20; i++) lines.add(kaggleLine(r, i));
                byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                try {
                    ImportSummary s = service.importAll(List.of(Input.of("fuzz.jsonl", new ByteArrayInputStream(file))), ImportService.Progress.NONE);
                    assertEquals(lines.size(), s.inserted() + s.updated() + s.unchanged() + s.rejected(),
                            s.report(30) + "\n" + String.join("\n", lines));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void anOaiPageWithGeneratedFieldsIsReadRecordByRecord() throws IOException {
        String page = new String(Collected.resource("harvest/page1.xml"), StandardCharsets.UTF_8);
        try (Database db = TestDatabases.open(TestDatabases.Kind.SQLITE, tmp)) {
            ImportService service = new ImportService(new PaperRepository(db), new VersionMerger(), ImportServiceTest.CLOCK, 2);
            Fuzz.check("import of generated OAI-PMH records", Duration.ofMillis(1500), 10, r -> {
                String mutated = page;
                for (String tag : new String[] {"id", "created", "title", "categories", "datestamp", "keyname"}) {
                    if (r.nextInt(2) == 0) continue;
                    String value = tag.equals("id") ? Fuzz.arxivId(r) : tag.equals("created") || tag.equals("datestamp") ? Fuzz.date(r) : Fuzz.nasty(r);
                    String xml = r.nextInt(6) == 0 ? value : escape(value);
                    mutated = mutated.replaceFirst("<" + tag + ">[^<]*</" + tag + ">",
                            Matcher.quoteReplacement("<" + tag + ">" + xml + "</" + tag + ">"));
                }
                try {
                    ImportSummary s = service.importAll(List.of(Input.of("fuzz.xml",
                            new ByteArrayInputStream(mutated.getBytes(StandardCharsets.UTF_8)))), ImportService.Progress.NONE);
                    assertTrue(s.inserted() + s.updated() + s.unchanged() + s.rejected() >= 1, s.report(10));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
