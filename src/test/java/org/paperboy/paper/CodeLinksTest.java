package org.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeLinksTest {

    private static List<String> urls(String... texts) {
        return CodeLinks.find(texts).stream().map(l -> l.kind() + " " + l.url()).toList();
    }

    @Test
    void normalisesRepositoriesAndDropsDuplicates() {
        assertEquals(List.of("GITHUB https://github.com/owner/repo"),
                urls("Code: https://github.com/owner/repo.git.", "see https://www.github.com/owner/repo/tree/main/src and "
                        + "http://github.com/Owner/Repo/"));
    }

    @Test
    void classifiesEachKind() {
        assertEquals(List.of(
                        "GITLAB https://gitlab.com/group/project",
                        "HUGGINGFACE https://huggingface.co/datasets/org/data",
                        "HUGGINGFACE https://huggingface.co/org/model",
                        "PROJECT_PAGE https://my-lab.github.io/project"),
                urls("Code at https://gitlab.com/group/project/-/blob/x, data https://huggingface.co/datasets/org/data, "
                        + "weights (https://huggingface.co/org/model). Project page: https://my-lab.github.io/project/."));
    }

    @Test
    void rejoinsUrlsBrokenByArxivLineWraps() {
        assertEquals(List.of("GITHUB https://github.com/someone/long-repository-name"),
                urls("available at https://github.com/someone/\nlong-repository-name for everyone"));
    }

    @Test
    void ignoresArxivDoiAndLicenceLinksAndBareText() {
        assertEquals(List.of(), urls("See https://arxiv.org/abs/2503.11731 and https://doi.org/10.1/x under "
                + "http://creativecommons.org/licenses/by/4.0/; github.com without a scheme is prose", null));
    }

    @Test
    void keepsTheFirstOfTwoProjectPagesInOrder() {
        assertEquals(List.of("PROJECT_PAGE https://a.example/p", "PROJECT_PAGE https://b.example"),
                urls("Pages: https://a.example/p, https://b.example"));
    }
}
