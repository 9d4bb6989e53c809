package org.paperboy.ingest;

import org.paperboy.paper.Paper;

/** Where a reader sends what it reads, one record at a time, so no file is ever held whole in memory. */
public interface RecordSink {
    void paper(Paper paper);

    void rejected(Rejection rejection);
}
