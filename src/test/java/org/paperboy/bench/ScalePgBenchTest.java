package org.paperboy.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalePgBenchTest {

    private static final YearMonth NEWEST = YearMonth.of(2024, 12);

    @Test
    void arxivsSizePlacesEveryPaperWithinEachMonthsIdScheme() {
        long papers = 2_625_272; // 2.7M minus the shared sample: more than arXiv's history at its real volumes
        List<ScalePgBench.Month> months = ScalePgBench.schedule(NEWEST, papers);
        assertEquals(papers, months.stream().mapToLong(ScalePgBench.Month::papers).sum());
        for (ScalePgBench.Month m : months) {
            assertTrue(m.papers() <= (m.month().getYear() < 2015 ? 9_999 : 99_999), m + " has more papers than its ids can number");
        }
        assertEquals(NEWEST, months.get(0).month());
    }

    @Test
    void aSmallCatalogFillsTheNewestMonthsAtArxivsVolume() {
        List<ScalePgBench.Month> months = ScalePgBench.schedule(NEWEST, 30_000);
        assertEquals(List.of(new ScalePgBench.Month(NEWEST, 24_000), new ScalePgBench.Month(NEWEST.minusMonths(1), 6_000)), months);
    }

    @Test
    void moreThanTheIdSchemeHoldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScalePgBench.schedule(NEWEST, 100_000_000L));
    }
}
