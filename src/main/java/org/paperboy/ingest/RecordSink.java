package org.paperboy.ingest;

import org.paperboy.paper.Paper;

/** Where a reader sends what it reads, one record at a time, so no file is ever held whole in memory. */
public interface RecordSink {
    void paper(Paper paper);

    void rejected(Rejection rejection);

    /** arXiv deleted this paper (an OAI-PMH header with status="deleted"); only OAI-PMH readers say so. */
    default void withdrawn(String baseId) {}
}
