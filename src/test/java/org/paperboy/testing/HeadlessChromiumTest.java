package org.paperboy.testing;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A browser test that cannot run says which executable is missing. */
class HeadlessChromiumTest {

    @Test
    void namesTheMissingExecutable() {
        Path sh = Path.of("/bin/sh");
        String why = HeadlessChromium.missing(sh, Path.of("/nonexistent/chromedriver"));
        assertTrue(why.startsWith("/nonexistent/chromedriver is missing"), why);
        assertTrue(HeadlessChromium.missing(Path.of("/nonexistent/chromium"), sh).contains("/nonexistent/chromium"));
        assertNull(HeadlessChromium.missing(sh, sh));
    }
}
