package org.paperboy.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.notify.DeliveryDay;

class DigestDeliveryChartTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void barsScaleToTheBusiestDayAndStackFailuresOnTop() {
        DigestDeliveryChart c = DigestDeliveryChart.of(List.of(new DeliveryDay(TODAY.minusDays(1), 51, 0),
                new DeliveryDay(TODAY, 17, 34)), TODAY, 3);
        int plot = DigestDeliveryChart.HEIGHT - DigestDeliveryChart.LABEL_SPACE;
        assertEquals(51, c.max());
        assertEquals(3 * (DigestDeliveryChart.BAR_WIDTH + DigestDeliveryChart.GAP), c.width());
        DigestDeliveryChart.Bar empty = c.bars().get(0);
        assertEquals(0, empty.sentHeight() + empty.failedHeight());
        assertEquals("25", empty.label());
        DigestDeliveryChart.Bar full = c.bars().get(1);
        assertEquals(plot, full.sentHeight());
        assertEquals(0, full.sentY());
        DigestDeliveryChart.Bar mixed = c.bars().get(2);
        assertEquals(34, mixed.sentHeight(), "17/51 of 102 px");
        assertEquals(68, mixed.failedHeight());
        assertEquals(mixed.sentY() - mixed.failedHeight(), mixed.failedY(), "failures sit on top of the sent bar");
        assertEquals("2026-11-27: 17 sent, 34 failed", mixed.title());
    }
}
