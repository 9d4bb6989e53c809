package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.Database;
import org.paperboy.store.PaperRepository;

/** `paperboy backup` copies the SQLite catalog into one consistent file and never overwrites one. */
class BackupCommandTest {
    @TempDir
    Path tmp;

    private static Cli.Run run(String... args) {
        return Cli.run("", args);
    }


    static Paper paper(String id) {
        LocalDate day = LocalDate.of(2026, 11, 26);
        return new Paper(new ArxivId(id, 1), "Paper " + id, List.of(), "An abstract.", "cs.CL", List.of("cs.CL"), null, null, null, null,
                day, null, List.of(), day, List.of(), 0, 0);
    }

    @Test
    void aBackupTakenDuringAWriteHoldsWhatWasCommitted() {
        Path data = tmp.resolve("data");
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "");
             var writing = db.jdbi().open()) {
            new PaperRepository(db).upsert(List.of(paper("2611.00001")), LocalDate.of(2026, 11, 26), (a, b) -> b);
            writing.begin();
            writing.execute("UPDATE papers SET title = 'being edited' WHERE arxiv_id = '2611.00001'");
            Path copy = tmp.resolve("during.db");
            Cli.Run r = run("backup", copy.toString(), "--data", data.toString());
            assertEquals(0, r.code(), r.err());
            writing.commit();
            try (Database restored = Database.open("jdbc:sqlite:" + copy, "", "")) {
                assertEquals("Paper 2611.00001", new PaperRepository(restored).find("2611.00001").orElseThrow().title());
            }
        }
    }

    @Test
    void aBackupHoldsTheCatalogAndNeverOverwritesAFile() {
        Path data = tmp.resolve("data");
        try (Database db = Database.open("jdbc:sqlite:" + data.resolve("paperboy.db"), "", "")) {
            new PaperRepository(db).upsert(List.of(paper("2611.00001"), paper("2611.00002")), LocalDate.of(2026, 11, 26), (a, b) -> b);
        }
        Path copy = tmp.resolve("backup.db");
        Cli.Run r = run("backup", copy.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("backed up"), r.out());
        try (Database restored = Database.open("jdbc:sqlite:" + copy, "", "")) {
            assertEquals(2, new PaperRepository(restored).count());
        }
        r = run("backup", copy.toString(), "--data", data.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists"), r.err());
        r = run("backup", tmp.resolve("pg.dump").toString(), "--db", "jdbc:postgresql://localhost/paperboy", "--data", data.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("pg_dump"), r.err());
    }
}
