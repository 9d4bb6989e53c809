package org.paperboy.ingest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperMerger;
import org.paperboy.store.PaperRepository;
import org.paperboy.store.UpsertResult;

/**
 * Fetches papers by id from the arXiv API (Atom), {@value #BATCH} ids per request through the
 * same polite client as the harvest, and stores them with the merge rule. Ids arXiv does not
 * return are reported as unknown.
 */
public final class ArxivApiClient {
    public static final int BATCH = 100;

    public enum Outcome { ADDED, UPDATED, UNCHANGED, UNKNOWN }

    public record Fetched(String id, Outcome outcome, String title) {}

    private final PoliteHttp http;
    private final URI api;
    private final PaperRepository papers;
    private final PaperMerger merger;
    private final Clock clock;
    private final AtomReader reader = new AtomReader();

    public ArxivApiClient(PoliteHttp http, URI api, PaperRepository papers, PaperMerger merger, Clock clock) {
        this.http = http;
        this.api = api;
        this.papers = papers;
        this.merger = merger;
        this.clock = clock;
    }

    /** One outcome per requested id, in the order asked. */
    public List<Fetched> fetch(List<ArxivId> ids, ImportSummary summary) throws InterruptedException {
        return fetch(ids, summary, batch -> {});
    }

    /** As {@link #fetch(List, ImportSummary)}, handing each request's outcomes over as they come (for a progress bar). */
    public List<Fetched> fetch(List<ArxivId> ids, ImportSummary summary, Consumer<List<Fetched>> eachRequest) throws InterruptedException {
        List<ArxivId> unique = List.copyOf(new LinkedHashSet<>(ids));
        List<Fetched> out = new ArrayList<>();
        for (int i = 0; i < unique.size(); i += BATCH) {
            List<Fetched> batch = fetchBatch(unique.subList(i, Math.min(unique.size(), i + BATCH)), summary);
            eachRequest.accept(batch);
            out.addAll(batch);
        }
        return out;
    }

    private List<Fetched> fetchBatch(List<ArxivId> ids, ImportSummary summary) throws InterruptedException {
        String list = String.join(",", ids.stream().map(ArxivId::toString).toList());
        URI uri = OaiHarvester.withQuery(api, "id_list=" + URLEncoder.encode(list, StandardCharsets.UTF_8)
                + "&start=0&max_results=" + ids.size());
        PoliteHttp.Response r = http.get(uri);
        Map<String, Paper> byBase = new LinkedHashMap<>();
        AtomPage page = reader.readPage(new ByteArrayInputStream(r.body()), uri.toString(), new RecordSink() {
            @Override
            public void paper(Paper p) {
                byBase.put(p.id().base(), p);
            }

            @Override
            public void rejected(Rejection rejection) {
                summary.reject(rejection);
            }
        });
        if (page.truncation() != null) {
            throw new HarvestException(HarvestException.Kind.PROTOCOL, "the arXiv API answer was cut off: " + page.truncation(), null);
        }
        List<Fetched> out = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Map<String, Outcome> written = new HashMap<>(); // two ids of one paper (2401.00001, 2401.00001v2) write it once
        for (ArxivId id : ids) {
            Paper p = byBase.get(id.base());
            if (p == null) {
                out.add(new Fetched(id.toString(), Outcome.UNKNOWN, null));
                continue;
            }
            Outcome o = written.computeIfAbsent(id.base(), b -> {
                UpsertResult u = papers.upsert(List.of(p), today, merger);
                summary.add(u);
                return u.inserted() > 0 ? Outcome.ADDED : u.updated() > 0 ? Outcome.UPDATED : Outcome.UNCHANGED;
            });
            out.add(new Fetched(id.toString(), o, p.title()));
        }
        return out;
    }
}
