package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LearnedFusionTest {

    /** keyword-only, meaning-only and both; ranks as the two lists would give them */
    static Candidate cand(int doc, double bm25, double cos, int kwRank, int vecRank) {
        return new Candidate(doc, bm25, 0, 0, cos, kwRank, vecRank, bm25 > 0 ? 1 : 0, 0);
    }

    @Test
    void theHandBuiltFusionStandardisesEachSignalAndFloorsAMissingVector() {
        List<Candidate> c = List.of(cand(1, 30, Double.NaN, 0, -1), cand(2, 10, 0.8, 3, 1), cand(3, 20, 0.9, 1, 0), cand(4, 20, 0.4, 2, 2));
        var ranked = LearnedFusion.HAND_BUILT.rank(c, 3);
        // BM25 z over (30,10,20,20): mean 20, sd 7.071 → 1 +1.414, 2 -1.414, 3 0, 4 0
        // cosine z over (0.8,0.9,0.4): 3 +0.926, 2 +0.463, 4 -1.389; 1 has no vector → the lowest, -1.389
        assertEquals(List.of(3, 1, 2, 4), ranked.stream().map(x -> x.item().doc()).toList());
        assertEquals(0.92582, ranked.get(0).score(), 1e-4);
        assertEquals(1.41421 - 1.38873, ranked.get(1).score(), 1e-4);
        assertEquals(-1.41421 + 0.46291, ranked.get(2).score(), 1e-4);
    }

    @Test
    void aFixedTinyModelLoadsFromItsResourceAndScoresItsWeightedFeatures() throws Exception {
        LearnedFusion f = LearnedFusion.parse(new ObjectMapper().readTree("""
                {"format": 1, "version": "tiny", "model": "m", "similarityFloor": 0.5,
                 "features": ["keyword_of_best", "meaning", "keyword_rank_recip"], "weights": [2.0, -1.0, 0.5]}"""));
        assertEquals("tiny", f.version());
        assertEquals(0.5, f.similarityFloor());
        List<Candidate> c = List.of(cand(1, 10, 0.6, 0, 1), cand(2, 5, 0.9, 1, 0));
        // 1: 2×(10/10) − 0.6 + 0.5×10/10 = 1.9;  2: 2×(5/10) − 0.9 + 0.5×10/11 = 0.554545…
        assertArrayEquals(new double[] {1.9, 1.0 - 0.9 + 5.0 / 11}, f.scores(c, 4), 1e-12);

        LearnedFusion shipped = LearnedFusion.forModel("fake-concepts").orElseThrow();
        assertEquals("test-tiny-1", shipped.version());
        assertEquals(List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING), shipped.features());
        assertEquals(0.8, shipped.similarityFloor());
        assertTrue(LearnedFusion.forModel("no-such-model").isEmpty());
        assertEquals(LearnedFusion.HAND_BUILT, LearnedFusion.forModelOrHandBuilt("no-such-model"));
    }

    @Test
    void theShippedModelOfTheDefaultEmbeddingModelLoads() {
        LearnedFusion f = LearnedFusion.forModel(EmbeddingModel.DEFAULT.id).orElseThrow();
        assertEquals(EmbeddingModel.DEFAULT.id, f.model());
        assertTrue(Double.isFinite(f.similarityFloor()) && f.similarityFloor() > 0 && f.similarityFloor() < 1, "floor " + f.similarityFloor());
        assertFalse(f.features().isEmpty());
    }

    @Test
    void aBrokenModelIsRefusedWithTheReason() {
        ObjectMapper json = new ObjectMapper();
        var unknown = assertThrows(IllegalArgumentException.class, () -> LearnedFusion.parse(json.readTree(
                "{\"format\":1,\"features\":[\"clicks\"],\"weights\":[1]}")));
        assertTrue(unknown.getMessage().contains("unknown fusion feature 'clicks'"), unknown.getMessage());
        var lengths = assertThrows(IllegalArgumentException.class, () -> LearnedFusion.parse(json.readTree(
                "{\"format\":1,\"features\":[\"meaning\"],\"weights\":[1,2]}")));
        assertTrue(lengths.getMessage().contains("1 features but 2 weights"), lengths.getMessage());
        var format = assertThrows(IllegalArgumentException.class, () -> LearnedFusion.parse(json.readTree(
                "{\"format\":2,\"features\":[],\"weights\":[]}")));
        assertTrue(format.getMessage().contains("format 2"), format.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LearnedFusion.parse(json.readTree(
                "{\"format\":1,\"features\":[\"meaning\"],\"weights\":[\"x\"]}")));
    }

    @Test
    void aModelWrittenOutReadsBackTheSame() {
        LearnedFusion f = new LearnedFusion("v", "m", List.of(FusionFeatures.Z_TITLE, FusionFeatures.TERM_OVERLAP), new double[] {0.25, -3}, 0.61, "here");
        LearnedFusion back = LearnedFusion.parse(f.toJson());
        assertEquals(f.features(), back.features());
        assertArrayEquals(f.weights(), back.weights());
        assertEquals(0.61, back.similarityFloor());
        assertEquals("here", back.trainedOn());
    }

    @Test
    void theFloorDropsOnlyMeaningOnlyCandidatesBelowIt() {
        LearnedFusion f = new LearnedFusion("v", "m", List.of(FusionFeatures.MEANING), new double[] {1}, 0.6, "");
        assertTrue(f.keeps(cand(1, 2.0, 0.1, 0, -1)), "a word match stays however far its meaning");
        assertTrue(f.keeps(cand(2, 0, 0.6, -1, 0)), "at the floor");
        assertFalse(f.keeps(cand(3, 0, 0.59, -1, 1)), "below the floor and no word");
        assertFalse(f.keeps(cand(4, 0, Double.NaN, -1, -1)), "neither a word nor a vector");
        assertEquals(List.of(2), f.rank(List.of(cand(2, 0, 0.6, -1, 0), cand(3, 0, 0.59, -1, 1)), 2).stream().map(x -> x.item().doc()).toList());
    }

    @Test
    void featuresAreComputedPerQuery() {
        List<Candidate> c = List.of(new Candidate(1, 8, 2, 0, 0.7, 0, 2, 1.0, 0.5), new Candidate(2, 0, 0, 0, Double.NaN, -1, -1, 0, 0),
                new Candidate(3, 4, 0, 0, 0.9, 1, 0, 0.5, 0));
        double[][] rows = FusionFeatures.compute(c, 20);
        int meaning = FusionFeatures.ALL.indexOf(FusionFeatures.MEANING), gap = FusionFeatures.ALL.indexOf(FusionFeatures.MEANING_GAP);
        int best = FusionFeatures.ALL.indexOf(FusionFeatures.KEYWORD_OF_BEST), kwRank = FusionFeatures.ALL.indexOf(FusionFeatures.KEYWORD_RANK);
        int vecRank = FusionFeatures.ALL.indexOf(FusionFeatures.MEANING_RANK), overlap = FusionFeatures.ALL.indexOf(FusionFeatures.TERM_OVERLAP);
        int zLong = FusionFeatures.ALL.indexOf(FusionFeatures.Z_KEYWORD_LONG), z = FusionFeatures.ALL.indexOf(FusionFeatures.Z_KEYWORD);
        assertEquals(0.7, rows[1][meaning], 1e-12, "no vector: the query's lowest cosine");
        assertEquals(-0.2, rows[0][gap], 1e-12);
        assertEquals(0.5, rows[2][best], 1e-12);
        assertEquals(1.0, rows[0][kwRank], 1e-12);
        assertEquals(0.0, rows[1][kwRank], 1e-12, "absent from the keyword list");
        assertEquals(10.0 / 12, rows[0][vecRank], 1e-12);
        assertEquals(0.5, rows[2][overlap], 1e-12);
        assertEquals(2 * rows[0][z], rows[0][zLong], 1e-12, "20 terms: length capped at 2");
    }

    @Test
    void theTrainerLearnsWhichSignalJudgesRelevance() {
        // 60 queries of 20 candidates: the relevant one is the closest in meaning, while its BM25 is middling
        List<FusionTrainer.Sample> samples = new ArrayList<>();
        Random rnd = new Random(7);
        for (int q = 0; q < 60; q++) {
            List<Candidate> cands = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                double cos = i == 0 ? 0.9 : 0.5 + 0.35 * rnd.nextDouble();
                double bm25 = i == 0 ? 5 : 10 * rnd.nextDouble();
                cands.add(new Candidate(i, bm25, 0, 0, cos, i, i, 0.5, 0));
                ids.add("q" + q + "d" + i);
            }
            samples.add(new FusionTrainer.Sample("q" + q, cands, ids, 5, Map.of("q" + q + "d0", 1)));
        }
        var config = new FusionTrainer.Config("z-scores", List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING), 1, 20);
        LearnedFusion f = FusionTrainer.train(samples, config, "t", "m", 0.3, "synthetic");
        assertTrue(f.weights()[1] > 0 && f.weights()[1] > 3 * Math.abs(f.weights()[0]), Arrays.toString(f.weights()));
        assertTrue(FusionTrainer.cvNdcg(samples, config) > FusionTrainer.ndcg(LearnedFusion.HAND_BUILT, samples) + 0.1);
        assertEquals(0.9, FusionTrainer.floor(samples), 1e-12, "every relevant candidate has cosine 0.9");
    }

    @Test
    void queriesSharingARelevantPaperAreHeldOutTogether() {
        List<FusionTrainer.Sample> s = List.of(judged("q0", Map.of("a", 1)), judged("q1", Map.of("b", 1)), judged("q2", Map.of("c", 1, "a", 2)),
                judged("q3", Map.of("c", 1)), judged("q4", Map.of("d", 1, "b", 0)), judged("q5", Map.of("e", 1)), judged("q6", Map.of("f", 1)),
                judged("q7", Map.of("g", 1)));
        // groups in order of appearance: {q0 q2 q3} (a, c), {q1}, {q4} (b judged not relevant there), {q5}, {q6}, {q7}
        assertArrayEquals(new int[] {0, 1, 0, 0, 2, 3, 4, 0}, FusionTrainer.folds(s));
    }

    @Test
    void theFewestFeaturesWithinOneStandardErrorOfTheBestAreShipped() {
        List<String> two = List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING);
        List<String> four = List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING, FusionFeatures.TERM_OVERLAP, FusionFeatures.TITLE_OVERLAP);
        double[] best = {0.9, 0.7, 0.8, 0.6, 1.0, 0.5};
        // 0.012 below the best on average, better on some queries and worse on others: standard error 0.033
        double[] close = {1.0, 0.6, 0.85, 0.5, 1.0, 0.48};
        double[] far = {0.6, 0.4, 0.5, 0.3, 0.7, 0.2};
        var rich = new FusionTrainer.Result(new FusionTrainer.Config("rich", four, 0.1, 200), mean(best), best);
        var simple = new FusionTrainer.Result(new FusionTrainer.Config("simple", two, 0.1, 200), mean(close), close);
        var poor = new FusionTrainer.Result(new FusionTrainer.Config("poor", two, 0.01, 200), mean(far), far);
        assertEquals("simple", FusionTrainer.choose(List.of(rich, simple, poor)).config().name(), "within one standard error, fewer features");
        // 0.033 below on every query alike: standard error 0.002
        double[] further = {0.87, 0.66, 0.77, 0.57, 0.96, 0.47};
        var tooFar = new FusionTrainer.Result(new FusionTrainer.Config("simple", two, 0.1, 200), mean(further), further);
        assertEquals("rich", FusionTrainer.choose(List.of(rich, tooFar, poor)).config().name(), "consistently worse: not noise");
        assertEquals(0.0327, FusionTrainer.standardError(best, close), 1e-4);
        assertEquals(Double.NEGATIVE_INFINITY, FusionTrainer.standardError(best, new double[2]), "results of other queries do not pair up");
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElseThrow();
    }

    private static FusionTrainer.Sample judged(String id, Map<String, Integer> rel) {
        return new FusionTrainer.Sample(id, List.of(), List.of(), 1, rel);
    }

    @Test
    void aModelSaysWhetherItsQueriesAreEmbeddedWithTheInstructionAndOlderFilesMeanWith() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LearnedFusion old = LearnedFusion.parse(json.readTree("{\"format\":1,\"features\":[\"z_keyword\"],\"weights\":[1]}"));
        assertTrue(old.queryInstruction(), "a file without the field was learned with the instruction");
        LearnedFusion bare = new LearnedFusion("v", "m", List.of(FusionFeatures.Z_MEANING), new double[] {1}, 0.5, "", false);
        assertFalse(LearnedFusion.parse(bare.toJson()).queryInstruction());
        assertTrue(LearnedFusion.parse(bare.withQueryInstruction(true).toJson()).queryInstruction());
        assertFalse(LearnedFusion.HAND_BUILT.withQueryInstruction(false).queryInstruction());
        assertTrue(LearnedFusion.HAND_BUILT.queryInstruction());
    }

    @Test
    void semanticSearchHasItsOwnFloorWhenHybridEmbedsQueriesBare() throws Exception {
        ObjectMapper json = new ObjectMapper();
        LearnedFusion bare = new LearnedFusion("v", "m", List.of(FusionFeatures.Z_MEANING), new double[] {1}, 0.5, "", false);
        assertEquals(Double.NEGATIVE_INFINITY, bare.semanticFloor(), "a bare fusion's floor says nothing of instructed cosines");
        LearnedFusion both = bare.withSemanticFloor(0.63);
        LearnedFusion back = LearnedFusion.parse(both.toJson());
        assertEquals(0.63, back.semanticFloor());
        assertEquals(0.5, back.similarityFloor());
        assertFalse(back.queryInstruction());
        assertEquals(0.63, back.withQueryInstruction(true).semanticFloor(), "kept when the embedding of hybrid's queries changes");
        LearnedFusion older = LearnedFusion.parse(json.readTree("{\"format\":1,\"similarityFloor\":0.6,\"features\":[\"z_keyword\"],\"weights\":[1]}"));
        assertEquals(0.6, older.semanticFloor(), "a file from before: instructed queries, one floor for both");
        assertEquals(Double.NEGATIVE_INFINITY, LearnedFusion.HAND_BUILT.semanticFloor());
    }

    @Test
    void queryLevelSignalsReweightTheTwoZScoresPerQuery() {
        // BM25 30, 10, 20: the best stands (30 − 20) / 30 = 1/3 clear of the second; the best cosine is 0.9
        List<Candidate> c = List.of(cand(1, 30, 0.5, 0, 2), cand(2, 10, 0.9, 2, 0), cand(3, 20, 0.7, 1, 1));
        double[][] rows = FusionFeatures.compute(c, 4);
        int zk = FusionFeatures.ALL.indexOf(FusionFeatures.Z_KEYWORD), zm = FusionFeatures.ALL.indexOf(FusionFeatures.Z_MEANING);
        for (double[] r : rows) {
            assertEquals(r[zk] / 3, r[FusionFeatures.ALL.indexOf(FusionFeatures.Z_KEYWORD_GAP)], 1e-12);
            assertEquals(r[zm] / 3, r[FusionFeatures.ALL.indexOf(FusionFeatures.Z_MEANING_GAP)], 1e-12);
            assertEquals(r[zk] * 0.9, r[FusionFeatures.ALL.indexOf(FusionFeatures.Z_KEYWORD_TOP_MEANING)], 1e-12);
            assertEquals(r[zm] * 0.9, r[FusionFeatures.ALL.indexOf(FusionFeatures.Z_MEANING_TOP_MEANING)], 1e-12);
        }
        assertEquals(1.0 / 3, FusionFeatures.keywordGap(new double[] {30, 10, 20}), 1e-12);
        assertEquals(0, FusionFeatures.keywordGap(new double[] {30, 0, 0}), "one match: no second to stand clear of");
        assertEquals(0, FusionFeatures.keywordGap(new double[] {5, 5}), 1e-12, "a tie at the top");
        assertEquals(0, FusionFeatures.keywordGap(new double[] {}));
    }

    @Test
    void crossValidationChoosesTheQueryEmbeddingWhoseCandidatesJudgeBetter() {
        // the same 40 queries embedded two ways: bare, the relevant paper is the closest in meaning; with the instruction, meaning is noise
        Random rnd = new Random(3);
        Map<Boolean, List<FusionTrainer.Sample>> samples = Map.of(true, synthetic(rnd, false), false, synthetic(rnd, true));
        List<FusionTrainer.Config> grid = List.of(
                new FusionTrainer.Config("z", List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING), 0.1, 20, true),
                new FusionTrainer.Config("z", List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING), 0.1, 20, false));
        List<FusionTrainer.Result> seen = new ArrayList<>();
        var results = FusionTrainer.crossValidate(samples, grid, seen::add);
        assertEquals(2, seen.size());
        assertFalse(results.get(0).config().queryInstruction(), results.toString());
        assertTrue(results.get(0).cvNdcg() > results.get(1).cvNdcg() + 0.2, results.toString());
        assertEquals("z-C0.1-n20-bare", results.get(0).config().label());
        LearnedFusion f = FusionTrainer.train(samples.get(false), results.get(0).config(), "v", "m", 0.5, "");
        assertFalse(f.queryInstruction(), "the learned model is served the way its candidates were embedded");
        assertTrue(FusionTrainer.crossValidate(Map.of(true, samples.get(true)), grid, r -> {}).stream().allMatch(r -> r.config().queryInstruction()),
                "a configuration without samples is skipped");
    }

    @Test
    void theGridTriesBothQueryEmbeddingsForEveryFeatureSet() {
        var grid = FusionTrainer.grid();
        assertEquals(grid.size() / 2, grid.stream().filter(FusionTrainer.Config::queryInstruction).count());
        for (var c : grid) {
            assertTrue(c.features().containsAll(List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING)), "every set extends the hand-built fusion's two signals: " + c);
            assertTrue(FusionFeatures.ALL.containsAll(c.features()));
        }
    }

    private static List<FusionTrainer.Sample> synthetic(Random rnd, boolean meaningful) {
        List<FusionTrainer.Sample> out = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            List<Candidate> cands = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                double cos = meaningful && i == 0 ? 0.95 : 0.5 + 0.4 * rnd.nextDouble();
                cands.add(new Candidate(i, 10 * rnd.nextDouble(), 0, 0, cos, i, i, 0.5, 0));
                ids.add("q" + q + "d" + i);
            }
            out.add(new FusionTrainer.Sample("q" + q, cands, ids, 5, Map.of("q" + q + "d0", 1)));
        }
        return out;
    }
}
