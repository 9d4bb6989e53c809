package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real int8 bge-small model, loaded from its Maven artifact on the classpath. */
class OnnxEmbedderTest {

    @TempDir
    static Path tmp;

    static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder(EmbeddingModel.BGE_SMALL_Q, tmp.resolve("cache"), 1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void unitVectorsOfTheModelsSize() {
        float[] v = embedder.embedDocument("Attention is all you need");
        assertEquals(384, embedder.dimensions());
        assertEquals(384, v.length);
        assertEquals(1.0, dot(v, v), 1e-4);
        assertEquals("bge-small-en-v1.5-q", embedder.model());
    }

    @Test
    void oneTextPerCallIsReproducible() {
        assertArrayEquals(embedder.embedDocument("Protein folding"), embedder.embedDocument("Protein folding"));
    }

    @Test
    void aQueryIsNearerItsAnswerThanAnUnrelatedText() {
        float[] q = embedder.embedQuery("how do cars drive themselves in snow");
        float[] answer = embedder.embedDocument("Autonomous vehicles perceive snow-covered roads with lidar.");
        float[] other = embedder.embedDocument("We measure the mass of distant galaxies from their rotation curves.");
        assertTrue(dot(q, answer) > dot(q, other) + 0.1, dot(q, answer) + " vs " + dot(q, other));
    }

    @Test
    void queriesCarryTheRetrievalInstruction() {
        String text = "protein structure prediction";
        assertTrue(dot(embedder.embedQuery(text), embedder.embedDocument(text)) < 0.999, "the instruction changes the vector");
    }

    @Test
    void longTextsAreTruncatedNotRefused() {
        assertEquals(384, embedder.embedDocument("word ".repeat(5000)).length);
    }
}
