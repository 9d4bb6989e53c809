package org.paperboy.ingest;

import java.io.BufferedInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * One import input (a file, or standard input for "-"): decompressed when it starts with the gzip
 * magic bytes, whatever its name, with a count of the raw bytes read so far for progress.
 */
public final class Input implements AutoCloseable {
    private final String name;
    private final long size;
    private final AtomicLong rawBytes = new AtomicLong();
    private final BufferedInputStream content;

    private Input(String name, long size, InputStream raw) throws IOException {
        this.name = name;
        this.size = size;
        BufferedInputStream counted = new BufferedInputStream(new Counting(raw, rawBytes), 1 << 16);
        counted.mark(2);
        int b1 = counted.read();
        int b2 = counted.read();
        counted.reset();
        boolean gzip = b1 == 0x1f && b2 == 0x8b;
        this.content = gzip ? new BufferedInputStream(new GZIPInputStream(counted, 1 << 16), 1 << 16) : counted;
    }

    /** "-" is standard input. */
    public static Input open(String arg, InputStream stdin) throws IOException {
        if (arg.equals("-")) return new Input("stdin", -1, stdin);
        Path p = Path.of(arg);
        if (!Files.isRegularFile(p)) throw new FileNotFoundException(arg + ": no such file");
        return new Input(arg, Files.size(p), Files.newInputStream(p));
    }

    public static Input of(String name, InputStream in) throws IOException {
        return new Input(name, -1, in);
    }

    public String name() {
        return name;
    }

    /** Bytes on disk, or -1 for a stream of unknown length. */
    public long size() {
        return size;
    }

    public long rawBytesRead() {
        return rawBytes.get();
    }

    public BufferedInputStream content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    private static final class Counting extends FilterInputStream {
        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count.incrementAndGet();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count.addAndGet(n);
            return n;
        }
    }
}
