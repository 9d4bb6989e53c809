package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.Author;

/** Which forms of the authors' names are blanked out of a paper's text, and that nothing else is. */
class AuthorNamesTest {
    private final Set<String> names = AuthorNames.forms(List.of(new Author("Ada Lovelace", null), new Author("Wei Li", null)));

    @Test
    void namesInLinksAndProseAreBlankedWholeRunsOnly() {
        assertEquals("Page: https://" + blanks(3) + ".github.io/engine; thanks to " + blanks(8) + " and " + blanks(3) + ".",
                AuthorNames.blank("Page: https://ada.github.io/engine; thanks to LOVELACE and Ada.", names));
        assertEquals("See " + blanks(9) + ".github.io and github.com/" + blanks(11),
                AuthorNames.blank("See alovelace.github.io and github.com/adalovelace", names));
        assertEquals("Lovelaces and Adaptive methods", AuthorNames.blank("Lovelaces and Adaptive methods", names), "a longer word that starts with a name stays");
    }

    @Test
    void aNameTooShortToBeSafeIsBlankedOnlyJoinedToAnotherPart() {
        assertEquals("Li et al. at " + blanks(5) + ".github.io", AuthorNames.blank("Li et al. at weili.github.io", names));
        assertEquals(Set.of("ada", "lovelace", "adalovelace", "alovelace", "wei", "weili", "wli"), names);
    }

    private static String blanks(int n) {
        return " ".repeat(n);
    }

    @Test
    void textWithoutNamesIsReturnedAsItIs() {
        String text = "Accepted at ICRA 2026. Code: github.com/robotlab/grasp";
        assertSame(text, AuthorNames.blank(text, names));
        assertEquals("", AuthorNames.blank("", names));
        assertEquals(null, AuthorNames.blank(null, names));
    }
}
