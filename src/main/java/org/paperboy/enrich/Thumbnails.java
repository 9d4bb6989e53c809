package org.paperboy.enrich;

import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.paperboy.ingest.PoliteHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the thumbnails that are missing: fetch the PDF through the harvest's polite client,
 * render page 1, store the PNG. A paper whose PDF failed is not asked again by this process.
 */
public final class Thumbnails {
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);

    /** What one pass did. */
    public record Pass(int rendered, int failed, int skipped) {}

    private final PoliteHttp http;
    private final URI pdfBase;
    private final ThumbnailStore store;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    public Thumbnails(PoliteHttp http, URI pdfBase, ThumbnailStore store) {
        this.http = http;
        this.pdfBase = pdfBase;
        this.store = store;
    }

    public Pass makeMissing(Collection<String> baseIds) throws InterruptedException {
        int rendered = 0;
        int bad = 0;
        int skipped = 0;
        for (String id : baseIds) {
            if (store.has(id) || failed.contains(id)) {
                skipped++;
                continue;
            }
            if (make(id)) rendered++;
            else bad++;
        }
        return new Pass(rendered, bad, skipped);
    }

    private boolean make(String id) throws InterruptedException {
        URI uri = URI.create(pdfBase + "/" + id);
        try {
            byte[] pdf = http.get(uri).body();
            store.write(id, ThumbnailRenderer.render(pdf));
            LOG.info("thumbnail of {} rendered", id);
            return true;
        } catch (IOException | RuntimeException e) { // HarvestException too: unreachable, refused, failing
            failed.add(id);
            LOG.warn("no thumbnail for {}: {}", id, e.getMessage());
            return false;
        }
    }
}
