package org.paperboy.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A linear fusion of {@link FusionFeatures}: each candidate's score is the weighted sum of its
 * features, plus the similarity floor below which a paper that matches no word is not a result.
 * The shipped parameters are a versioned resource per embedding model
 * ({@code org/paperboy/index/fusion/<model>.json}), written by {@code paperboy eval DIR --train}
 * from a BEIR training split; {@link #HAND_BUILT} (z-score sum, no floor) serves models without one.
 *
 * @param version          names the training run; shown by {@code --explain}
 * @param similarityFloor  lowest cosine at which a paper matching no word is still a result
 * @param queryInstruction whether hybrid search embeds its queries with the model's instruction (as when the
 *                         fusion was learned; training chooses either by cross-validation)
 * @param semanticFloor    the similarity floor of semantic search, whose queries always carry the model's
 *                         instruction: bare queries matched SciFact's claims as well, but cost known-item
 *                         title search 0.04 nDCG@10 ({@code bench/search.sh arxiv-titles})
 */
public record LearnedFusion(String version, String model, List<String> features, double[] weights, double similarityFloor, String trainedOn,
                            boolean queryInstruction, double semanticFloor) {

    public static final int FORMAT = 1;

    /** The fusion of the first release: both signals standardised over the candidates and summed. */
    public static final LearnedFusion HAND_BUILT = new LearnedFusion("hand-built z-score sum", "", List.of(FusionFeatures.Z_KEYWORD, FusionFeatures.Z_MEANING),
            new double[] {1, 1}, Double.NEGATIVE_INFINITY, "");

    /** A fusion for queries embedded with the model's instruction. */
    public LearnedFusion(String version, String model, List<String> features, double[] weights, double similarityFloor, String trainedOn) {
        this(version, model, features, weights, similarityFloor, trainedOn, true);
    }

    /** Semantic search's floor is the fusion's when both embed queries alike, else none. */
    public LearnedFusion(String version, String model, List<String> features, double[] weights, double similarityFloor, String trainedOn,
                         boolean queryInstruction) {
        this(version, model, features, weights, similarityFloor, trainedOn, queryInstruction,
                queryInstruction ? similarityFloor : Double.NEGATIVE_INFINITY);
    }

    public LearnedFusion {
        features = List.copyOf(features);
        if (features.size() != weights.length) throw new IllegalArgumentException(features.size() + " features but " + weights.length + " weights");
        for (String f : features) if (!FusionFeatures.ALL.contains(f)) throw new IllegalArgumentException("unknown fusion feature '" + f + "'");
        for (double w : weights) if (!Double.isFinite(w)) throw new IllegalArgumentException("fusion weight is not a finite number");
        if (Double.isNaN(similarityFloor) || Double.isNaN(semanticFloor)) throw new IllegalArgumentException("similarity floor is not a number");
        weights = weights.clone();
    }

    /** The shipped model for an embedding model, if one was trained for it. */
    public static Optional<LearnedFusion> forModel(String modelId) {
        try (InputStream in = LearnedFusion.class.getResourceAsStream("fusion/" + modelId + ".json")) {
            if (in == null) return Optional.empty();
            return Optional.of(parse(new ObjectMapper().readTree(in)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fusion model for " + modelId, e);
        }
    }

    /** The shipped model, or the hand-built fusion when none was trained for this embedding model. */
    public static LearnedFusion forModelOrHandBuilt(String modelId) {
        return forModel(modelId).orElse(HAND_BUILT);
    }

    public static LearnedFusion parse(JsonNode json) {
        if (json.path("format").asInt() != FORMAT) throw new IllegalArgumentException("fusion model format " + json.path("format") + ", expected " + FORMAT);
        List<String> names = new ArrayList<>();
        json.path("features").forEach(n -> names.add(n.asText()));
        JsonNode w = json.path("weights");
        double[] weights = new double[w.size()];
        for (int i = 0; i < weights.length; i++) weights[i] = w.get(i).asDouble(Double.NaN);
        JsonNode floor = json.path("similarityFloor"), semantic = json.path("semanticFloor");
        LearnedFusion f = new LearnedFusion(json.path("version").asText(""), json.path("model").asText(""), names, weights,
                floor.isNumber() ? floor.asDouble() : Double.NEGATIVE_INFINITY, json.path("trainedOn").asText(""),
                json.path("queryInstruction").asBoolean(true));
        return semantic.isNumber() ? f.withSemanticFloor(semantic.asDouble()) : f;
    }

    public ObjectNode toJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode().put("format", FORMAT).put("version", version).put("model", model).put("trainedOn", trainedOn);
        if (Double.isFinite(similarityFloor)) o.put("similarityFloor", similarityFloor);
        o.put("queryInstruction", queryInstruction);
        if (Double.isFinite(semanticFloor)) o.put("semanticFloor", semanticFloor);
        ArrayNode f = o.putArray("features");
        features.forEach(f::add);
        ArrayNode w = o.putArray("weights");
        for (double x : weights) w.add(x);
        return o;
    }

    /** The same fusion, for queries embedded with or without the model's instruction. */
    public LearnedFusion withQueryInstruction(boolean instruction) {
        return new LearnedFusion(version, model, features, weights, similarityFloor, trainedOn, instruction, semanticFloor);
    }

    /** The same fusion with another floor for semantic search. */
    public LearnedFusion withSemanticFloor(double floor) {
        return new LearnedFusion(version, model, features, weights, similarityFloor, trainedOn, queryInstruction, floor);
    }

    /** Whether a candidate is a result at all: it matches a word, or its meaning is close enough. */
    public boolean keeps(Candidate c) {
        return c.matchesWords() || (c.hasVector() && c.meaning() >= similarityFloor);
    }

    /** Each candidate's fused score, in the candidates' order. */
    public double[] scores(List<Candidate> cands, int queryTerms) {
        double[][] rows = FusionFeatures.compute(cands, queryTerms);
        int[] columns = features.stream().mapToInt(FusionFeatures.ALL::indexOf).toArray();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) out[i] += weights[j] * rows[i][columns[j]];
        }
        return out;
    }

    /** The kept candidates, best first; ties keep the candidates' order. */
    public List<Fusion.Scored<Candidate>> rank(List<Candidate> cands, int queryTerms) {
        double[] s = scores(cands, queryTerms);
        List<Fusion.Scored<Candidate>> out = new ArrayList<>();
        for (int i = 0; i < s.length; i++) if (keeps(cands.get(i))) out.add(new Fusion.Scored<>(cands.get(i), s[i]));
        out.sort(Comparator.comparingDouble((Fusion.Scored<Candidate> x) -> x.score()).reversed());
        return out;
    }
}
