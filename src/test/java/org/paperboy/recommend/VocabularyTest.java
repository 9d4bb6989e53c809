package org.paperboy.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.paperboy.paper.ArxivId;
import org.paperboy.paper.Author;
import org.paperboy.paper.Paper;

/** Words and phrases as features: what is kept, how phrases match, and that they are known by hash only. */
class VocabularyTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static Item item(String id, String title, String abs) {
        return new Item(id, title, abs, List.of("cs.LG"), DAY);
    }

    private static Vocabulary words(List<Item> items) {
        return Vocabulary.build(items, new Vocabulary.Options(0, 1, 1, 1, 0));
    }

    private static Vocabulary phrases(List<Item> items) {
        return Vocabulary.build(items, new Vocabulary.Options(0, 1, 3, 1, 0));
    }

    private final List<Item> items = List.of(
            item("a", "Sparse mixture of experts for translation", "We route tokens."),
            item("b", "Scaling sparse mixture of experts", "Experts route tokens in translation."),
            item("c", "Mixture models of sparse experts", "Translation tokens route."));

    @Test
    void phrasesSeenInTwoPapersBecomeFeatures() {
        Vocabulary v = phrases(items);
        // "sparse mixture", "mixture expert", "sparse mixture expert" (stop words drop out), "route token"
        assertEquals(4, v.phraseCount());
        assertEquals(v.termCount() + v.phraseCount() + 1 + Vocabulary.VECTOR_WIDTH, v.dimensions(), "words, phrases, one category, the embedding");
        assertEquals(0, words(items).phraseCount());
    }

    @Test
    void sharedPhrasesMakePapersCloserThanSharedWordsAlone() {
        Vocabulary v = phrases(items);
        SparseVector a = v.features(items.get(0)), b = v.features(items.get(1)), c = v.features(items.get(2));
        // b and c share the same words with a; only b shares its phrases
        assertTrue(a.dot(b) > a.dot(c) + 0.1, a.dot(b) + " vs " + a.dot(c));
        Vocabulary w = words(items);
        assertEquals(w.features(items.get(0)).dot(w.features(items.get(1))), w.features(items.get(0)).dot(w.features(items.get(2))), 0.15,
                "with words alone the two are about as close");
    }

    @Test
    void aPhraseWeighsItsShareOfAWordOfTheSameTfIdf() {
        // "deep net" is a phrase of two papers; "deep" and "net" are words of the same two: equal idf and tf
        List<Item> two = List.of(item("x", "Deep nets", ""), item("y", "Deep nets", ""));
        for (double share : new double[] {1.0, 0.5}) {
            Vocabulary v = Vocabulary.build(two, new Vocabulary.Options(0, 1, 3, share, 0));
            SparseVector f = v.features(two.get(0));
            assertEquals(3, f.size(), "two words and one phrase");
            float word = f.value()[0], phrase = f.value()[2];
            assertEquals(share, phrase / word, 1e-6);
            assertEquals(1.0, f.norm(), 1e-6, "the text still has norm 1");
        }
    }

    @Test
    void phrasesAreNotNamedInReasons() {
        Vocabulary v = phrases(items);
        SparseVector a = v.features(items.get(0));
        int phrase = -1;
        for (int f : a.index()) if (f >= v.termCount() && f < v.termCount() + v.phraseCount()) phrase = f;
        assertTrue(phrase >= 0);
        assertFalse(v.isTerm(phrase));
        assertTrue(v.isTerm(a.index()[0]));
        assertEquals("a phrase", v.name(phrase));
    }

    @Test
    void aNumberOrALetterEndsAPhrase() {
        List<Item> split = List.of(item("x", "Deep 3 nets", ""), item("y", "Deep 3 nets", ""));
        assertEquals(0, phrases(split).phraseCount(), "deep and net are not neighbours across the number");
        List<Item> joined = List.of(item("x", "Deep nets", ""), item("y", "Deep nets", ""));
        assertEquals(1, phrases(joined).phraseCount());
    }

    @Test
    void theSameCatalogGivesTheSameFeatures() {
        List<Item> reversed = new ArrayList<>(items.reversed());
        SparseVector a = phrases(items).features(items.get(1)), b = phrases(reversed).features(items.get(1));
        assertArrayEquals(a.index(), b.index());
        assertArrayEquals(a.value(), b.value());
    }

    @Test
    void aCatalogLargerThanOneAnalysedBatchCountsAsAWhole() {
        // "kestrel" is in the first paper and the last, two batches apart; a word must be in two papers to count
        List<Item> many = new ArrayList<>();
        int n = 2 * Vocabulary.ANALYSED_TOGETHER + 7;
        for (int i = 0; i < n; i++) {
            String rare = i == 0 || i == n - 1 ? " kestrel" : "";
            many.add(item("p" + i, "Paper on topic" + (i % 40), "Common words" + rare));
        }
        Vocabulary whole = words(many);
        List<String> terms = new ArrayList<>();
        for (int f : whole.features(many.get(0)).index()) if (whole.isTerm(f)) terms.add(whole.name(f));
        assertTrue(terms.contains("kestrel"), "counted across batches: " + terms);
        SparseVector a = whole.features(many.get(n - 1)), b = words(many.reversed()).features(many.get(n - 1));
        assertArrayEquals(a.index(), b.index(), "other batch boundaries, the same counts");
        assertArrayEquals(a.value(), b.value());
    }

    @Test
    void anItemMadeFromItsPartsAndOneReadFromItsPaperHaveTheSameSource() {
        Paper paper = new Paper(ArxivId.of("2603.00002v1"), "Grasping", List.of(new Author("Ada Lovelace", null)), "We grasp.", "cs.RO",
                List.of("cs.RO"), null, null, null, null, DAY, null, List.of(), DAY, List.of(), 0, 0);
        assertEquals(Item.source(paper), Item.of(paper).source());
        assertEquals(Item.source(paper), new Item("2603.00002", "Grasping", "We grasp.", List.of("cs.RO"), DAY).source(),
                "a paper without a comment is the item of its title, abstract and categories");
    }

    @Test
    void theCommentIsReadAndTheAuthorsNamesAreNot() {
        Paper paper = new Paper(ArxivId.of("2603.00001v1"), "Grasping", List.of(new Author("Ada Lovelace", null)),
                "We grasp. Code: https://github.com/lovelace/grasp", "cs.RO", List.of("cs.RO"),
                "Accepted at ICRA. Page: adalovelace.github.io", null, null, null, DAY, null, List.of(), DAY, List.of(), 0, 0);
        Item item = Item.of(paper);
        // a word must be in two papers to be a feature
        Vocabulary v = words(List.of(item, item, item("other", "Other", "Unrelated words")));
        List<String> terms = new ArrayList<>();
        for (int f : v.features(item).index()) if (v.isTerm(f)) terms.add(v.name(f));
        assertTrue(terms.containsAll(List.of("grasp", "accept", "icra", "github.com")), terms.toString());
        assertFalse(terms.stream().anyMatch(t -> t.contains("lovelac") || t.contains("ada")), terms.toString());
    }
}
