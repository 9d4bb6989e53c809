package org.paperboy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.paperboy.App;
import org.paperboy.config.Settings;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.QueryParser;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the catalog from the command line, with the same query language as the search box. "
                + "When `serve` runs on the same data directory, the search is asked of it over HTTP (no index to open, no model to load); "
                + "otherwise it runs in this process. Which of the two it did is said on stderr.")
final class SearchCommand implements Runnable {

    /** A server that does not answer within this is taken for gone: the search runs in-process. */
    static final int CONNECT_TIMEOUT_MS = 1000;
    static final int READ_TIMEOUT_MS = 30_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUERY", description = "e.g. \"attention heads\" cat:cs.CL after:2025-06-01")
    String query;

    @Option(names = "--mode", defaultValue = "hybrid", description = "keyword, semantic or hybrid (default)")
    String mode;

    @Option(names = "--limit", defaultValue = "10", description = "Results to show (1-100)")
    int limit;

    @Option(names = "--sort", defaultValue = "relevance", description = "relevance (default) or date")
    String sort;

    @Option(names = "--json", description = "Print the results as JSON (the API's shape)")
    boolean json;

    @Option(names = "--explain", description = "Show each hit's score parts: keyword (BM25, with its title and author boosts), meaning (cosine), fusion")
    boolean explain;

    @Option(names = "--local", description = "Search in this process even when a server runs on the data directory")
    boolean local;

    /** One result: the API's entry, and the snippet when searched in-process. */
    record Row(JsonNode entry, String snippet) {}

    @Override
    public void run() {
        if (limit < 1 || limit > 100) throw new UserError("--limit: expected 1 to 100, got " + limit);
        PaperSearch.Mode m = parse(PaperSearch.Mode.class, "--mode", mode);
        PaperSearch.Order order = parse(PaperSearch.Order.class, "--sort", sort);
        ParsedQuery parsed = QueryParser.parse(query);
        Settings settings = SettingsOptions.load(spec);
        Optional<URI> server = local ? Optional.empty() : ServerFile.running(settings.dataDir());
        List<Row> rows = null;
        if (server.isPresent()) {
            rows = viaServer(server.get(), m, order);
            if (rows != null) System.err.println("(asked the server at " + server.get() + ")");
        }
        if (rows == null) {
            rows = inProcess(settings, parsed, m, order);
            System.err.println("(searched in-process" + (server.isPresent() ? ": the server at " + server.get() + " did not answer" : local ? "" : ": no server running on " + settings.dataDir()) + ")");
        }
        if (json) printJson(rows);
        else printText(rows);
    }

    /** The server's answer, or null when it cannot be reached; a query it refuses is a user error. */
    private List<Row> viaServer(URI base, PaperSearch.Mode m, PaperSearch.Order order) {
        String url = base + "/api/papers/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + limit
                + "&mode=" + m.name().toLowerCase(Locale.ROOT) + "&sort=" + order.name().toLowerCase(Locale.ROOT) + (explain ? "&explain=true" : "");
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            int status = c.getResponseCode();
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                JsonNode body = new ObjectMapper().readTree(in);
                if (status == 400) throw new UserError(body.path("error").asText("the server refused the query"));
                if (status != 200) return null;
                List<Row> rows = new ArrayList<>();
                body.forEach(e -> rows.add(new Row(e, null)));
                return rows;
            }
        } catch (IOException e) {
            return null;
        }
    }

    private List<Row> inProcess(Settings settings, ParsedQuery parsed, PaperSearch.Mode m, PaperSearch.Order order) {
        PaperJson paperJson = new PaperJson();
        try (App app = new App(settings)) {
            app.search().follower().catchUp(n -> {});
            List<Row> rows = new ArrayList<>();
            if (parsed.arxivId().isPresent()) {
                app.papers().findShown(parsed.arxivId().get().base()).ifPresent(p -> rows.add(new Row(paperJson.dailyEntry(p, null), null)));
                return rows;
            }
            List<PaperSearch.Hit> hits = app.search().search().search(new PaperSearch.Request(parsed, m, order, 0, limit, true, explain)).hits();
            Map<String, Paper> found = app.papers().findMany(hits.stream().map(PaperSearch.Hit::id).toList());
            for (PaperSearch.Hit h : hits) {
                Paper p = found.get(h.id());
                if (p == null) continue;
                var entry = paperJson.dailyEntry(p, null);
                if (explain) entry.set("explain", h.explain().toJson());
                rows.add(new Row(entry, h.snippet().parts().isEmpty() ? null : h.snippet().plainText()));
            }
            // on stderr, so that --json output stays valid JSON
            long unembedded = app.search().waitingForEmbeddings();
            if (unembedded > 0 && m != PaperSearch.Mode.KEYWORD) {
                System.err.printf("note: %,d papers still lack vectors (the embedding backfill of serve, or paperboy embed, adds them);"
                        + " they are ranked by their words alone%n", unembedded);
            }
            return rows;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String flag, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(flag + ": unknown value '" + value + "'");
        }
    }

    private static void printJson(List<Row> rows) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode out = mapper.createArrayNode();
        rows.forEach(r -> out.add(r.entry()));
        try {
            System.out.println(mapper.writeValueAsString(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printText(List<Row> rows) {
        if (rows.isEmpty()) {
            System.out.println("No papers found.");
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            JsonNode p = rows.get(i).entry().path("paper");
            List<String> cats = new ArrayList<>(), names = new ArrayList<>();
            p.path("categories").forEach(c -> cats.add(c.asText()));
            p.path("authors").forEach(a -> names.add(a.path("name").asText()));
            System.out.printf("%2d. %s  [%s]  %s%n    %s%n", i + 1, p.path("id").asText(), String.join(" ", cats),
                    rows.get(i).entry().path("publishedAt").asText("").replaceAll("T.*", ""), p.path("title").asText().replaceAll("\\s+", " "));
            System.out.printf("    %s%s%n", String.join(", ", names.subList(0, Math.min(3, names.size()))), names.size() > 3 ? " et al." : "");
            if (rows.get(i).snippet() != null) System.out.println("    " + rows.get(i).snippet());
            JsonNode x = rows.get(i).entry().path("explain");
            if (!x.isMissingNode()) System.out.println("    " + explainLine(x));
        }
    }

    /** keyword 7.31 (title +1.20, authors +0.00) · meaning 0.812 · fusion 2.104 [version] */
    static String explainLine(JsonNode x) {
        Map<String, String> f = new HashMap<>();
        for (String k : List.of("keyword", "meaning", "fusion")) f.put(k, x.path(k).isNumber() ? String.format(Locale.ROOT, "%.3f", x.path(k).asDouble()) : "-");
        String line = String.format(Locale.ROOT, "keyword %s (title boost %+.3f, authors boost %+.3f) · meaning %s · fusion %s", f.get("keyword"),
                x.path("boosts").path("title").asDouble(), x.path("boosts").path("authors").asDouble(), f.get("meaning"), f.get("fusion"));
        if (x.path("fusionVersion").isTextual()) line += " [" + x.path("fusionVersion").asText() + "]";
        return line;
    }
}
