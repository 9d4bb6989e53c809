package org.paperboy.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingAndFilterTest {

    @Test
    void pagingDefaultsAndOffsets() {
        assertEquals(new Paging(0, Paging.DEFAULT_LIMIT), Paging.parse(null, ""));
        Paging p = Paging.parse("2", "30");
        assertEquals(60, p.offset());
        assertTrue(p.hasNext(91));
        assertFalse(p.hasNext(90));
        assertEquals(new Paging(3, 30), p.next());
        assertEquals(new Paging(0, 30), new Paging(0, 30).previous());
    }

    @Test
    void pagingRefusesWhatItCannotServe() {
        assertTrue(assertThrows(PeriodException.class, () -> Paging.parse("0", "101")).getMessage().contains("between 1 and 100"));
        assertTrue(assertThrows(PeriodException.class, () -> Paging.parse("-1", null)).getMessage().contains("page"));
        assertTrue(assertThrows(PeriodException.class, () -> Paging.parse("two", null)).getMessage().contains("whole number"));
        assertThrows(PeriodException.class, () -> Paging.parse("0", "0"));
    }

    @Test
    void categoriesComeRepeatedOrCommaSeparatedAndAreSorted() {
        CategoryFilter f = CategoryFilter.parse(List.of("cs.LG,cs.CL", "hep-th", "cs.CL"));
        assertEquals(List.of("cs.CL", "cs.LG", "hep-th"), f.categories());
        assertEquals("cs.CL,cs.LG,hep-th", f.param());
        assertEquals(List.of("cs.CL", "hep-th"), f.toggle("cs.LG").categories());
        assertEquals(List.of("astro-ph.CO", "cs.CL", "cs.LG", "hep-th"), f.toggle("astro-ph.CO").categories());
        assertTrue(CategoryFilter.parse(List.of(" , ")).isEmpty());
    }

    @Test
    void aCategoryThatIsNotOneIsRefused() {
        assertTrue(assertThrows(PeriodException.class, () -> CategoryFilter.parse(List.of("cs.CL", "' OR 1=1")))
                .getMessage().contains("not an arXiv category"));
        assertThrows(PeriodException.class, () -> CategoryFilter.parse(List.of("CS.cl")));
    }

    @Test
    void sortNamesIncludeHuggingFaces() {
        assertEquals(ListingSort.NEWEST, ListingSort.parse("publishedAt"));
        assertEquals(ListingSort.TRENDING, ListingSort.parse("trending"));
        assertEquals(ListingSort.UPVOTES, ListingSort.parse(null));
        assertThrows(PeriodException.class, () -> ListingSort.parse("random"));
    }
}
