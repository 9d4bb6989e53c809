package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    private final List<Item> items = List.of(
            new Item("1", "Graph neural networks for molecules", "We train graph neural networks on molecular graphs.", List.of("cs.LG"), DAY),
            new Item("2", "Speech recognition with transformers", "A transformer model for speech recognition.", List.of("cs.CL"), DAY),
            new Item("3", "Message passing on molecular graphs", "Graph neural networks pass messages between atoms of molecules.", List.of("cs.LG"), DAY),
            new Item("4", "Auction theory", "Bidders and auctions, revenue equivalence.", List.of("econ.TH"), DAY),
            new Item("5", "Auction design", "Optimal auctions and bidders.", List.of("econ.TH"), DAY));
    private final MemoryCatalog catalog = new MemoryCatalog(items);
    private final Ranker ranker = new Ranker(catalog);
    private final Reasons reasons = new Reasons(catalog.vocabulary());

    @Test
    void namesTheClosestSavedPaper() {
        ReaderModel m = ranker.train(List.of(new Signal("1", Signal.Kind.SAVED), new Signal("2", Signal.Kind.UPVOTED)), List.of());
        Reasons.Reason r = reasons.explain(m, catalog.features(catalog.item("3")), null, null);
        assertEquals("like Graph neural networks for molecules, which you saved", r.text());
        assertEquals("Graph neural networks for molecules", r.likeTitle());
    }

    @Test
    void aFollowedAuthorComesFirstThenLikenessThenCategory() {
        ReaderModel m = ranker.train(List.of(new Signal("1", Signal.Kind.SAVED)), List.of());
        assertEquals("by Ada Lovelace, whom you follow", reasons.explain(m, catalog.features(catalog.item("3")), "Ada Lovelace", "cs.LG").text());
        assertEquals("in econ.TH, which you follow", reasons.explain(m, catalog.features(catalog.item("4")), null, "econ.TH").text());
    }

    @Test
    void withoutALikePaperTheMatchedTermsExplain() {
        List<Signal> signals = List.of(new Signal("4", Signal.Kind.SEEDED), new Signal("1", Signal.Kind.SAVED), new Signal("3", Signal.Kind.SAVED),
                new Signal("2", Signal.Kind.HIDDEN));
        ReaderModel m = ranker.train(signals, List.of());
        Item unseen = new Item("9", "Bidders", "Auctions with many bidders.", List.of("q-fin.GN"), DAY);
        Reasons.Reason r = reasons.explain(m, catalog.features(unseen), null, null);
        assertTrue(r.text().startsWith("like Auction theory") || r.text().startsWith("matches your interests: "), r.text());
        List<String> terms = reasons.matchedTerms(m, catalog.features(unseen));
        assertTrue(terms.contains("auction") || terms.contains("bidder"), terms.toString());
    }

    @Test
    void theRankerPutsThePapersLikeTheSavedOnesFirst() {
        ReaderModel m = ranker.train(List.of(new Signal("1", Signal.Kind.SAVED), new Signal("4", Signal.Kind.HIDDEN)), List.of());
        List<Ranker.Scored> ranked = ranker.rank(m, items.subList(1, 5));
        assertEquals("3", ranked.get(0).id());
    }
}
