package org.paperboy.recommend;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.paperboy.notify.DigestRun;
import org.paperboy.notify.PersonalPicks;
import org.paperboy.paper.Paper;
import org.paperboy.store.Listing;
import org.paperboy.store.PaperRepository;

/**
 * The For-you section of the digests: a subscriber whose address is an account's verified e-mail
 * gets the digest period's papers ranked by the same {@link ForYou} as their For-you page, the
 * first {@link #SHOWN} with their reasons; the papers they marked Not interested leave their whole
 * mail. The period's papers are read once per digest run and shared by every subscriber of it.
 */
public final class DigestForYou implements PersonalPicks {
    /** Papers in a digest's For-you section. */
    public static final int SHOWN = 5;
    /** Digest runs whose papers are kept (one daily and one weekly run are sent at a time). */
    static final int RUNS_KEPT = 4;

    private final ForYou forYou;
    private final PaperRepository papers;
    private final Function<String, OptionalLong> accountOf;
    private final Map<Long, List<Paper>> runPapers = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Paper>> e) {
            return size() > RUNS_KEPT;
        }
    };

    /** @param accountOf the id of the account whose verified e-mail is this address, if any */
    public DigestForYou(ForYou forYou, PaperRepository papers, Function<String, OptionalLong> accountOf) {
        this.forYou = forYou;
        this.papers = papers;
        this.accountOf = accountOf;
    }

    @Override
    public Personal forSubscriber(String email, DigestRun run) {
        OptionalLong account = accountOf.apply(email);
        if (account.isEmpty()) return Personal.NONE;
        ForYou.DigestPicks picks = forYou.digestPicks(account.getAsLong(), listed(run), SHOWN);
        return new Personal(picks.picks().stream().map(p -> new Pick(p.paper(), p.reason())).toList(), picks.hidden());
    }

    /** Every paper of the run's period (not only its top ones), as the For-you page ranks them. */
    private List<Paper> listed(DigestRun run) {
        synchronized (runPapers) {
            // a run's papers are read under the lock: the first mail of a run reads them, the others wait for that
            return runPapers.computeIfAbsent(run.id(),
                    id -> papers.listing(new Listing(run.from(), run.to(), List.of(), Listing.Order.UPVOTES, 0, Integer.MAX_VALUE)));
        }
    }
}
