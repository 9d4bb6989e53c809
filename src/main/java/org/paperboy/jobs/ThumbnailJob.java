package org.paperboy.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.paperboy.enrich.Thumbnails;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the thumbnails of the newest day's papers in the background, on its own virtual
 * thread: one pass at start (after a short delay) and one every {@link #EVERY}. Each node renders
 * into its own data directory.
 */
public final class ThumbnailJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ThumbnailJob.class);

    static final Duration START_DELAY = Duration.ofSeconds(30);
    static final Duration EVERY = Duration.ofMinutes(30);
    /** Papers of the newest day looked at per pass, the top of its ranking first. */
    static final int PER_PASS = 300;

    private final Thumbnails thumbnails;
    private final PaperRepository papers;
    private Thread thread;

    public ThumbnailJob(Thumbnails thumbnails, PaperRepository papers) {
        this.thumbnails = thumbnails;
        this.papers = papers;
    }

    public void start() {
        thread = Thread.ofVirtual().name("thumbnail-job").start(this::loop);
    }

    private void loop() {
        try {
            Thread.sleep(START_DELAY);
            while (!Thread.currentThread().isInterrupted()) {
                passOnce();
                Thread.sleep(EVERY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One pass over the newest day; answers what it did (empty when the catalog is empty). */
    public Optional<Thumbnails.Pass> passOnce() throws InterruptedException {
        Optional<LocalDate> day = papers.latestDay();
        if (day.isEmpty()) return Optional.empty();
        List<String> ids = papers.listing(new Listing(day.get(), day.get(), List.of(), Listing.Order.UPVOTES, 0, PER_PASS))
                .stream().map(p -> p.id().base()).toList();
        Thumbnails.Pass pass = thumbnails.makeMissing(ids);
        if (pass.rendered() + pass.failed() > 0) LOG.info("thumbnails for {}: {} rendered, {} failed", day.get(), pass.rendered(), pass.failed());
        return Optional.of(pass);
    }

    @Override
    public void close() {
        if (thread != null) thread.interrupt();
    }
}
