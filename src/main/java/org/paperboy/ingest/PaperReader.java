package org.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads one input of a known format record by record; bad records and a cut end go to the sink as rejections. */
public interface PaperReader {
    void read(InputStream in, String source, RecordSink sink) throws IOException;
}
