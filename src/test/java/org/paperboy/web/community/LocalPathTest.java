package org.paperboy.web.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where log-in may send the browser: only to this site, judged after the browser's own cleaning of the URL. */
class LocalPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "\t//evil.example", "//evil.example",
        "/\\evil.example", "\\\\evil.example", "\\/evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example",
        "/\u0000/evil.example", "", " /account", "/\t\\evil.example"})
    void whatCouldLeaveTheSiteBecomesTheFrontPage(String next) {
        assertEquals("/", CommunityWeb.localPath(next), "next=" + next.replace("\t", "\\t"));
    }

    @ParameterizedTest
    @CsvSource({"/account, /account", "/papers/2611.00001#c3, /papers/2611.00001#c3", "/search?q=a+b&page=2, /search?q=a+b&page=2",
        "'/u/ada\t', /u/ada", "/discussion/hep-th/9901001, /discussion/hep-th/9901001"})
    void localPathsAreKeptWithoutTheCharactersABrowserWouldDrop(String next, String expected) {
        assertEquals(expected, CommunityWeb.localPath(next));
    }
}
