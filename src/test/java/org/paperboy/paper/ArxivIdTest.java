package org.paperboy.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArxivIdTest {

    @ParameterizedTest
    @CsvSource({
        "2503.11731, 2503.11731, 0",
        "2503.11731v3, 2503.11731, 3",
        "0704.0001, 0704.0001, 0",
        "arXiv:2503.11731v2, 2503.11731, 2",
        "hep-th/9901001, hep-th/9901001, 0",
        "hep-th/9901001v2, hep-th/9901001, 2",
        "math.GT/0309136, math.GT/0309136, 0",
        "https://arxiv.org/abs/2503.11731, 2503.11731, 0",
        "https://arxiv.org/pdf/2503.11731v4, 2503.11731, 4",
        "http://arxiv.org/pdf/2503.11731v4.pdf, 2503.11731, 4",
        "https://export.arxiv.org/abs/hep-th/9901001v1, hep-th/9901001, 1",
        "arxiv.org/abs/2503.11731?context=cs, 2503.11731, 0",
        "'  2503.11731  ', 2503.11731, 0",
    })
    void parsesIdsAndUrls(String text, String base, int version) {
        ArxivId id = ArxivId.parse(text).orElseThrow();
        assertEquals(base, id.base());
        assertEquals(version, id.version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "attention heads", "2503.117", "25031.1731", "hep-th/99010", "https://example.org/abs/2503.11731",
        "HEP-TH/9901001", "2503.11731v", "<script>", "2503.11731v99999999999999", "2503.11731v2147483648",
        "hep-th/9901001v99999999999999", "2503.11731v100000", "https://arxiv.org/abs/2503.11731v99999999999999"})
    void rejectsWhatIsNotAnId(String text) {
        assertFalse(ArxivId.parse(text).isPresent(), text);
    }

    @ParameterizedTest
    @CsvSource({"2503.11731v99999, 99999", "2503.11731v007, 7", "2503.11731v0000000000000000002, 2"})
    void acceptsVersionsUpToTheLimitWhateverTheirZeros(String text, int version) {
        assertEquals(version, ArxivId.of(text).version());
    }

    @ParameterizedTest
    @CsvSource({"2503.11731v3, 2503.11731v3", "2503.11731, 2503.11731", "hep-th/9901001v1, hep-th/9901001v1"})
    void printsAsArxivWritesIt(String text, String printed) {
        assertEquals(printed, ArxivId.of(text).toString());
    }

    @Test
    void knowsOldStyleAndRefusesGarbageWithTheInputInTheMessage() {
        assertTrue(ArxivId.of("hep-th/9901001").isOldStyle());
        assertFalse(ArxivId.of("2503.11731").isOldStyle());
        var e = assertThrows(IllegalArgumentException.class, () -> ArxivId.of("nope"));
        assertTrue(e.getMessage().contains("'nope'"));
    }
}
