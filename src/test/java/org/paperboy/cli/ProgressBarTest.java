package org.paperboy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void showsCountPercentRateAndEta() {
        String line = ProgressBar.render("import", 2_500, 10_000, 2_000_000_000L);
        assertEquals("import [#######                       ] 2,500/10,000  25%  1,250/s  ETA 0:00:06", line);
    }

    @Test
    void withoutATotalShowsCountRateAndElapsed() {
        assertEquals("harvest 300  100/s  0:00:03", ProgressBar.render("harvest", 300, 0, 3_000_000_000L));
    }

    @Test
    void printsAFinalLineOnClose() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ProgressBar bar = new ProgressBar("reindex", 10, new PrintStream(buf, true), false)) {
            bar.step(10);
        }
        assertTrue(buf.toString().contains("10/10 100%"), buf.toString());
    }
}
