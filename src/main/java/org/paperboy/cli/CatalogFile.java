package org.paperboy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.ingest.Format;
import org.paperboy.ingest.Input;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.Rejection;
import org.paperboy.paper.Paper;
import org.paperboy.recommend.Item;

/** Reads a papers file of any import format into recommender items, without a database. */
final class CatalogFile {
    private CatalogFile() {}

    static List<Item> read(Path file) {
        List<Item> items = new ArrayList<>();
        int[] rejected = {0};
        try (Input in = Input.open(file.toString(), System.in); ProgressBar bar = new ProgressBar("catalog", 0)) {
            Format format = Format.detect(in.content(), in.name());
            format.reader.read(in.content(), in.name(), new RecordSink() {
                @Override
                public void paper(Paper p) {
                    items.add(Item.of(p));
                    bar.step(1);
                }

                @Override
                public void rejected(Rejection r) {
                    rejected[0]++;
                }
            });
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
        if (rejected[0] > 0) System.err.println("paperboy: " + file + ": skipped " + rejected[0] + " malformed records");
        if (items.isEmpty()) throw new UserError(file + ": no papers");
        return items;
    }
}
