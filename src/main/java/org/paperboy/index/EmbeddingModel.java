package org.paperboy.index;

import java.util.Arrays;
import java.util.Optional;

/**
 * The embedding models Paperboy knows, as shipped in langchain4j's embedding artifacts: the ONNX
 * file and tokenizer sit at the jar roots. Only the int8 bge-small is a runtime dependency; the
 * others are test-scoped and serve the relevance and speed comparison.
 */
public enum EmbeddingModel {
    BGE_SMALL_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS, 512, "Represent this sentence for searching relevant passages: "),
    BGE_SMALL("bge-small-en-v1.5", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
            Pooling.CLS, 512, "Represent this sentence for searching relevant passages: "),
    MINILM("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            Pooling.MEAN, 256, "");

    public enum Pooling { CLS, MEAN }

    public static final EmbeddingModel DEFAULT = BGE_SMALL_Q;

    public final String id;
    final String onnxResource;
    final String tokenizerResource;
    final Pooling pooling;
    final int maxTokens;
    final String queryInstruction;

    EmbeddingModel(String id, String onnx, String tokenizer, Pooling pooling, int maxTokens, String queryInstruction) {
        this.id = id;
        this.onnxResource = onnx;
        this.tokenizerResource = tokenizer;
        this.pooling = pooling;
        this.maxTokens = maxTokens;
        this.queryInstruction = queryInstruction;
    }

    public static Optional<EmbeddingModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id)).findFirst();
    }

    /** Whether this model's files are on the classpath (the non-default ones only in tests and benches). */
    public boolean available() {
        return EmbeddingModel.class.getClassLoader().getResource(onnxResource) != null;
    }
}
