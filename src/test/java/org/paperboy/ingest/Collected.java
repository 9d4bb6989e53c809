package org.paperboy.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.paper.Paper;

/** A sink that keeps what a reader sent, for assertions. */
final class Collected implements RecordSink {
    final List<Paper> papers = new ArrayList<>();
    final List<Rejection> rejected = new ArrayList<>();
    final List<String> withdrawn = new ArrayList<>();

    @Override
    public void paper(Paper p) {
        papers.add(p);
    }

    @Override
    public void rejected(Rejection r) {
        rejected.add(r);
    }

    @Override
    public void withdrawn(String baseId) {
        withdrawn.add(baseId);
    }

    Paper paper(String baseId) {
        return papers.stream().filter(p -> p.id().base().equals(baseId)).findFirst()
                .orElseThrow(() -> new AssertionError("no paper " + baseId + " among " + papers.stream().map(p -> p.id().base()).toList()));
    }

    List<String> reasons() {
        return rejected.stream().map(Rejection::reason).toList();
    }

    /** Detects the format as an import does, then reads everything. */
    static Collected read(String name, byte[] bytes) {
        try (Input in = Input.of(name, new ByteArrayInputStream(bytes))) {
            Collected c = new Collected();
            Format.detect(in.content(), name).reader.read(in.content(), name, c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = Collected.class.getResourceAsStream("/ingest/" + path)) {
            if (in == null) throw new IllegalArgumentException("no test resource ingest/" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
