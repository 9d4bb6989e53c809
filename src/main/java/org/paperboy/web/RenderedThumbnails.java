package org.paperboy.web;

import java.net.URI;
import org.paperboy.enrich.ThumbnailStore;
import org.paperboy.paper.Paper;
import org.paperboy.paper.ThumbnailUrls;

/**
 * A paper's first-page picture once the thumbnail job has rendered it; null before, so that the API
 * and {@code og:image} never point crawlers and clients at the placeholder.
 */
public record RenderedThumbnails(URI baseUrl, ThumbnailStore files) implements ThumbnailUrls {

    @Override
    public String of(Paper p) {
        String id = p.id().base();
        return files.has(id) ? baseUrl + Urls.paper(id) + "/thumbnail" : null;
    }
}
