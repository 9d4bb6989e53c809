package org.paperboy.recommend;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Paper;
import org.paperboy.store.PaperRepository;

/**
 * The rules of a reader's signals. Save and Not interested exclude each other (the later one
 * wins); every signal can be undone; each change tells {@code onChange} so the reader's model is
 * retrained in the background. Signals are private: every call names the reader they belong to.
 */
public final class Signals {
    static final int MAX_TARGET = 300;
    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z\\-]*(\\.[A-Za-z][A-Za-z\\-]*)?");

    public record SeedResult(List<String> added, List<String> unknown) {}

    /** Everything a reader has told the recommender, for {@code /account/data}. */
    public record Export(List<SignalRepository.Mark> papers, List<SignalRepository.Follow> follows) {}

    private final SignalRepository repo;
    private final PaperRepository papers;
    private final Clock clock;
    private final LongConsumer onChange;

    public Signals(SignalRepository repo, PaperRepository papers, Clock clock, LongConsumer onChange) {
        this.repo = repo;
        this.papers = papers;
        this.clock = clock;
        this.onChange = onChange;
    }

    public SignalRepository repository() {
        return repo;
    }

    public void save(long userId, String id) {
        String base = shown(id);
        repo.unmark(userId, SignalRepository.HIDE, base);
        repo.mark(userId, SignalRepository.SAVE, base, clock.millis());
        onChange.accept(userId);
    }

    public void unsave(long userId, String id) {
        if (repo.unmark(userId, SignalRepository.SAVE, base(id))) onChange.accept(userId);
    }

    /** Not interested: the paper leaves this reader's listings and becomes a negative example. */
    public void hide(long userId, String id) {
        String base = shown(id);
        repo.unmark(userId, SignalRepository.SAVE, base);
        repo.mark(userId, SignalRepository.HIDE, base, clock.millis());
        onChange.accept(userId);
    }

    public void unhide(long userId, String id) {
        if (repo.unmark(userId, SignalRepository.HIDE, base(id))) onChange.accept(userId);
    }

    public void unseed(long userId, String id) {
        if (repo.unmark(userId, SignalRepository.SEED, base(id))) onChange.accept(userId);
    }

    /** Seeds the profile with every arXiv id found in the text (ids, URLs, BibTeX, CSL-JSON) that the catalog holds. */
    public SeedResult seed(long userId, String text) {
        Set<String> ids = SeedIds.find(text);
        if (ids.isEmpty()) throw SignalException.badRequest("No arXiv id found: paste ids (2501.01234), arXiv URLs, or a BibTeX / CSL-JSON export.");
        Map<String, Paper> found = papers.findMany(ids);
        List<String> added = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        long now = clock.millis();
        for (String id : ids) {
            if (!found.containsKey(id) || papers.isHidden(id)) {
                unknown.add(id);
                continue;
            }
            repo.mark(userId, SignalRepository.SEED, id, now);
            added.add(id);
        }
        if (!added.isEmpty()) onChange.accept(userId);
        return new SeedResult(added, unknown);
    }

    public void follow(long userId, String kind, String target) {
        String t = checkFollow(kind, target);
        repo.follow(userId, kind, t, clock.millis());
        onChange.accept(userId);
    }

    public void unfollow(long userId, String kind, String target) {
        if (repo.unfollow(userId, kind, target == null ? "" : target.strip())) onChange.accept(userId);
    }

    public Export export(long userId) {
        return new Export(repo.signals(userId), repo.follows(userId));
    }

    public Set<String> hidden(long userId) {
        return Set.copyOf(repo.ids(userId, SignalRepository.HIDE));
    }

    static String checkFollow(String kind, String target) {
        String t = target == null ? "" : target.strip();
        if (t.isEmpty()) throw SignalException.badRequest("Say what to follow.");
        if (t.length() > MAX_TARGET) throw SignalException.badRequest("That is too long to follow (at most " + MAX_TARGET + " characters).");
        return switch (kind == null ? "" : kind) {
            case SignalRepository.CATEGORY -> {
                if (!CATEGORY.matcher(t).matches()) throw SignalException.badRequest(t + " is not an arXiv category such as cs.CL.");
                yield t;
            }
            case SignalRepository.AUTHOR, SignalRepository.SEARCH -> t;
            default -> throw SignalException.badRequest("One can follow a category, an author or a search.");
        };
    }

    private String shown(String id) {
        String base = base(id);
        if (papers.findShown(base).isEmpty()) throw SignalException.notFound(base);
        return base;
    }

    private static String base(String id) {
        return ArxivId.parse(id == null ? "" : id.strip()).map(ArxivId::base)
                .orElseThrow(() -> SignalException.badRequest("Not an arXiv id: " + id));
    }
}
