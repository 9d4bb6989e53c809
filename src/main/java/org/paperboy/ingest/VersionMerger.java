package org.paperboy.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.paperboy.paper.CodeLinks;
import org.paperboy.paper.Paper;
import org.paperboy.paper.PaperVersion;
import org.paperboy.store.PaperMerger;

/**
 * How an incoming record of a known paper combines with the stored one:
 * <ul>
 * <li>a newer version replaces the metadata; the version history is the union of both;</li>
 * <li>the same version with other metadata is a correction and replaces it too;</li>
 * <li>an older version never overwrites newer metadata: it only fills the history and fields the
 *     stored paper lacks;</li>
 * <li>a field the incoming record lacks (null, or an empty list) keeps the stored value;</li>
 * <li>listing date, upvotes and comment count always stay as stored.</li>
 * </ul>
 * When either side's version number is unknown (formats without one), the latest dates decide.
 */
public final class VersionMerger implements PaperMerger {

    @Override
    public Paper merge(Paper stored, Paper incoming) {
        if (stored == null) return incoming;
        List<PaperVersion> history = union(stored.versions(), incoming.versions());
        int order = compare(incoming, stored);
        Paper primary = order >= 0 ? incoming : stored;
        Paper fallback = order >= 0 ? stored : incoming;
        String abs = primary.abstractText() == null || primary.abstractText().isEmpty() ? fallback.abstractText() : primary.abstractText();
        String comments = or(primary.comments(), fallback.comments());
        LocalDate submitted = earliest(stored.submitted(), incoming.submitted());
        LocalDate updated = or(primary.updated(), fallback.updated());
        return new Paper(
                primary.id().version() >= fallback.id().version() ? primary.id() : fallback.id(),
                or(primary.title(), fallback.title()),
                primary.authors().isEmpty() ? fallback.authors() : primary.authors(),
                abs,
                or(primary.primaryCategory(), fallback.primaryCategory()),
                primary.categories().isEmpty() ? fallback.categories() : primary.categories(),
                comments,
                or(primary.journalRef(), fallback.journalRef()),
                or(primary.doi(), fallback.doi()),
                or(primary.license(), fallback.license()),
                submitted,
                updated,
                history,
                stored.listingDate(),
                CodeLinks.find(abs, comments),
                stored.upvotes(),
                stored.numComments(),
                timeOn(submitted, incoming.submittedAt(), stored.submittedAt()),
                timeOn(updated, primary.updatedAt(), fallback.updatedAt()));
    }

    /** The first of these times that falls on {@code day} (UTC): a time never outlives the date it belongs to. */
    static Instant timeOn(LocalDate day, Instant first, Instant second) {
        if (day == null) return null;
        if (first != null && first.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) return first;
        if (second != null && second.atZone(ZoneOffset.UTC).toLocalDate().equals(day)) return second;
        return null;
    }

    /** Positive when {@code a} is newer than {@code b}, zero for the same version. */
    static int compare(Paper a, Paper b) {
        int va = a.id().version();
        int vb = b.id().version();
        if (va > 0 && vb > 0) return Integer.compare(va, vb);
        LocalDate da = latest(a);
        LocalDate db = latest(b);
        if (da == null || db == null) return da == null && db == null ? Integer.compare(va, vb) : (da == null ? -1 : 1);
        int byDate = da.compareTo(db);
        return byDate != 0 ? byDate : Integer.compare(va, vb);
    }

    private static LocalDate latest(Paper p) {
        LocalDate d = p.updated() != null ? p.updated() : p.submitted();
        for (PaperVersion v : p.versions()) if (v.submitted() != null && (d == null || v.submitted().isAfter(d))) d = v.submitted();
        return d;
    }

    /** By version number; an entry with more detail (a date, a size) wins over a sparser one. */
    static List<PaperVersion> union(List<PaperVersion> a, List<PaperVersion> b) {
        TreeMap<Integer, PaperVersion> byNumber = new TreeMap<>();
        for (PaperVersion v : a) byNumber.put(v.version(), v);
        for (PaperVersion v : b) {
            PaperVersion old = byNumber.get(v.version());
            byNumber.put(v.version(), old == null ? v
                    : new PaperVersion(v.version(), v.submitted() != null ? v.submitted() : old.submitted(), v.size() != null ? v.size() : old.size()));
        }
        return List.copyOf(byNumber.values());
    }

    private static <T> T or(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
