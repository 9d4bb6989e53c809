package org.paperboy.notify;

import java.time.LocalDate;
import java.util.List;

/** A composed (or composing) digest: its key, period and the papers chosen when it was composed. */
public record DigestRun(long id, String key, Frequency frequency, LocalDate from, LocalDate to, List<String> paperIds,
                        boolean composed, int composedRows) {
    public DigestRun {
        paperIds = List.copyOf(paperIds);
    }

    public DigestPeriod period() {
        return new DigestPeriod(key, frequency, from, to);
    }
}
