package org.paperboy.index;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs a sentence-embedding model in-process with ONNX Runtime. Model and tokenizer are read from
 * the classpath (a langchain4j embedding artifact), so nothing is downloaded. One text per call:
 * padding a batch changes an int8 model's vectors slightly, and batching does not pay on a CPU.
 * Thread-safe: callers share one session.
 */
public final class OnnxEmbedder implements Embedder {

    private final EmbeddingModel model;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputs;
    private final int dimensions;

    /**
     * @param cacheDir where DJL may unpack its native tokenizer library (kept under the data directory)
     * @param intraOpThreads threads one inference may use; 1 when several callers run in parallel
     */
    public OnnxEmbedder(EmbeddingModel model, Path cacheDir, int intraOpThreads) {
        this.model = model;
        keepNativeCachesUnder(cacheDir);
        try {
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(resource(model.onnxResource), options);
            this.inputs = session.getInputNames();
            this.tokenizer = HuggingFaceTokenizer.newInstance(stream(model.tokenizerResource), Map.of(
                    "truncation", "true", "padding", "false", "maxLength", String.valueOf(model.maxTokens),
                    "addSpecialTokens", "true"));
            this.dimensions = embed("dimension probe").length;
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("cannot load embedding model " + model.id + ": " + e.getMessage(), e);
        }
    }

    private static void keepNativeCachesUnder(Path cacheDir) {
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cache directory " + cacheDir, e);
        }
        System.setProperty("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null) System.setProperty("DJL_CACHE_DIR", cacheDir.resolve("djl").toString());
        if (System.getProperty("ENGINE_CACHE_DIR") == null) System.setProperty("ENGINE_CACHE_DIR", cacheDir.resolve("djl").toString());
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is not on the classpath (add its langchain4j embedding artifact)");
        return in;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    @Override
    public String model() {
        return model.id;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(model.queryInstruction + query);
    }

    @Override
    public float[] embedDocument(String text) {
        return embed(text);
    }

    private float[] embed(String text) {
        Encoding enc = tokenizer.encode(text, true, false);
        long[] ids = enc.getIds();
        long[] mask = enc.getAttentionMask();
        long[] types = enc.getTypeIds();
        long[] shape = {1, ids.length};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (inputs.contains("token_type_ids")) feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
            try (OrtSession.Result out = session.run(feed)) {
                float[][] hidden = ((float[][][]) out.get(0).getValue())[0];
                return normalize(pool(hidden, mask));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding failed (" + model.id + "): " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(float[][] hidden, long[] mask) {
        if (model.pooling == EmbeddingModel.Pooling.CLS) return hidden[0].clone();
        float[] sum = new float[hidden[0].length];
        int n = 0;
        for (int t = 0; t < hidden.length; t++) {
            if (mask[t] == 0) continue;
            n++;
            for (int d = 0; d < sum.length; d++) sum[d] += hidden[t][d];
        }
        for (int d = 0; d < sum.length; d++) sum[d] /= Math.max(n, 1);
        return sum;
    }

    static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) norm += x * x;
        float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return v;
    }

    @Override
    public void close() {
        tokenizer.close();
        try {
            session.close();
        } catch (OrtException e) {
            // closing at shutdown; nothing useful to do
        }
    }
}
