package org.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.paperboy.App;
import org.paperboy.index.ParsedQuery;
import org.paperboy.index.PaperSearch;
import org.paperboy.index.QueryParser;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the catalog from the command line, with the same query language as the search box.")
final class SearchCommand implements Runnable {

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

    @Override
    public void run() {
        if (limit < 1 || limit > 100) throw new UserError("--limit: expected 1 to 100, got " + limit);
        PaperSearch.Mode m = parse(PaperSearch.Mode.class, "--mode", mode);
        PaperSearch.Order order = parse(PaperSearch.Order.class, "--sort", sort);
        ParsedQuery parsed = QueryParser.parse(query);
        try (App app = new App(SettingsOptions.load(spec))) {
            app.search().follower().catchUp(n -> {});
            List<Paper> papers;
            Map<String, PaperSearch.Hit> hitOf = new HashMap<>();
            if (parsed.arxivId().isPresent()) {
                papers = app.papers().findShown(parsed.arxivId().get().base()).map(List::of).orElse(List.of());
            } else {
                List<PaperSearch.Hit> hits = app.search().search().search(new PaperSearch.Request(parsed, m, order, 0, limit, true)).hits();
                hits.forEach(h -> hitOf.put(h.id(), h));
                Map<String, Paper> found = app.papers().findMany(hitOf.keySet());
                papers = new ArrayList<>();
                for (PaperSearch.Hit h : hits) if (found.containsKey(h.id())) papers.add(found.get(h.id()));
            }
            if (json) printJson(papers);
            else printText(papers, hitOf);
            // on stderr, so that --json output stays valid JSON
            long unembedded = app.search().waitingForEmbeddings();
            if (unembedded > 0 && m != PaperSearch.Mode.KEYWORD) {
                System.err.printf("note: %,d papers still lack vectors (the embedding backfill of serve, or paperboy embed, adds them);"
                        + " they are ranked by their words alone%n", unembedded);
            }
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String flag, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(flag + ": unknown value '" + value + "'");
        }
    }

    private static void printJson(List<Paper> papers) {
        try {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(new org.paperboy.paper.PaperJson().dailyList(papers)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printText(List<Paper> papers, Map<String, PaperSearch.Hit> hitOf) {
        if (papers.isEmpty()) {
            System.out.println("No papers found.");
            return;
        }
        for (int i = 0; i < papers.size(); i++) {
            Paper p = papers.get(i);
            List<String> names = p.authors().stream().map(Author::name).limit(3).toList();
            System.out.printf("%2d. %s  [%s]  %s%n    %s%n", i + 1, p.id(), String.join(" ", p.categories()), p.listingDate(),
                    p.title().replaceAll("\\s+", " "));
            System.out.printf("    %s%s%n", String.join(", ", names), p.authors().size() > 3 ? " et al." : "");
            PaperSearch.Hit hit = hitOf.get(p.id().base());
            if (hit != null && !hit.snippet().parts().isEmpty()) System.out.println("    " + hit.snippet().plainText());
        }
    }
}
