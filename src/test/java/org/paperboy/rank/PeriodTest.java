package org.paperboy.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @Test
    void aDayCoversItselfAndStepsOneDay() {
        Period d = Period.day("2026-11-23");
        assertEquals(LocalDate.of(2026, 11, 23), d.from());
        assertEquals(d.from(), d.to());
        assertEquals("2026-11-22", d.previous().key());
        assertEquals("2026-11-24", d.next().key());
        assertEquals("Mon 23 Nov 2026", d.label());
        assertEquals(Period.day("2028-03-01"), Period.day("2028-02-29").next());
    }

    @ParameterizedTest
    @CsvSource({
            "2026-W48, 2026-11-23, 2026-11-29",
            "2026-W01, 2025-12-29, 2026-01-04",
            "2020-W53, 2020-12-28, 2021-01-03",
            "2027-W01, 2027-01-04, 2027-01-10"})
    void anIsoWeekRunsMondayToSunday(String key, String from, String to) {
        Period w = Period.week(key);
        assertEquals(LocalDate.parse(from), w.from());
        assertEquals(LocalDate.parse(to), w.to());
        assertEquals(key, w.key());
        assertEquals(7, w.days());
    }

    @Test
    void weeksStepAcrossYearEnds() {
        assertEquals("2020-W53", Period.week("2021-W01").previous().key());
        assertEquals("2021-W01", Period.week("2020-W53").next().key());
        assertEquals("2025-W52", Period.week("2026-W01").previous().key());
        assertEquals(Period.week("2026-W48"), Period.Week.containing(LocalDate.of(2026, 11, 29)));
        assertEquals(Period.week("2026-W01"), Period.Week.containing(LocalDate.of(2025, 12, 29)));
    }

    @Test
    void aMonthCoversAllItsDays() {
        Period m = Period.month("2024-02");
        assertEquals(LocalDate.of(2024, 2, 1), m.from());
        assertEquals(LocalDate.of(2024, 2, 29), m.to());
        assertEquals("2024-01", m.previous().key());
        assertEquals("2025-01", Period.month("2024-12").next().key());
        assertEquals("February 2024", m.label());
        assertEquals(new Period.Month(YearMonth.of(2024, 2)), m);
    }

    @Test
    void parseTellsTheFormsApartByShape() {
        assertInstanceOf(Period.Day.class, Period.parse("2026-11-23"));
        assertInstanceOf(Period.Week.class, Period.parse("2026-W48"));
        assertInstanceOf(Period.Month.class, Period.parse(" 2026-11 "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-13-01|not a date on the calendar",
            "2026-02-30|not a date on the calendar",
            "26-11-23|expected a date as YYYY-MM-DD",
            "2026-11-23x|expected a date as YYYY-MM-DD",
            "1066-10-14|out of range",
            "<script>|expected a date as YYYY-MM-DD"})
    void badDaysSayWhatIsWrong(String text, String message) {
        PeriodException e = assertThrows(PeriodException.class, () -> Period.day(text));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void badWeeksAndMonthsSayWhatIsWrong() {
        assertTrue(assertThrows(PeriodException.class, () -> Period.week("2021-W53")).getMessage().contains("52 ISO weeks"));
        assertTrue(assertThrows(PeriodException.class, () -> Period.week("2026-W00")).getMessage().contains("does not exist"));
        assertTrue(assertThrows(PeriodException.class, () -> Period.week("2026-48")).getMessage().contains("YYYY-Www"));
        assertTrue(assertThrows(PeriodException.class, () -> Period.month("2026-13")).getMessage().contains("no month 13"));
        assertTrue(assertThrows(PeriodException.class, () -> Period.parse("tomorrow")).getMessage().contains("ISO week"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "2026-W4", "2026-1"})
    void blankOrShortInputIsRefused(String text) {
        assertThrows(PeriodException.class, () -> Period.parse(text));
    }

    @Test
    void echoedInputIsClipped() {
        String huge = "x".repeat(5000);
        assertTrue(assertThrows(PeriodException.class, () -> Period.day(huge)).getMessage().length() < 200);
    }
}
