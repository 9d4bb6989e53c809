package org.paperboy.index;

/**
 * What hybrid search knows about one paper before fusing the two rankings.
 *
 * @param doc          Lucene doc id
 * @param keyword      the whole keyword query's BM25 (0 when no word matches)
 * @param title        the title clause's share of {@code keyword} (after its boost)
 * @param authors      the authors clause's share of {@code keyword} (after its boost)
 * @param meaning      cosine to the query vector; NaN when the paper has no vector yet
 * @param keywordRank  0-based place in the keyword list, -1 when that list did not bring it
 * @param meaningRank  0-based place in the vector list, -1 when that list did not bring it
 * @param termOverlap  share of the query's distinct terms found in title+abstract
 * @param titleOverlap share of the query's distinct terms found in the title
 */
public record Candidate(int doc, double keyword, double title, double authors, double meaning,
                        int keywordRank, int meaningRank, double termOverlap, double titleOverlap) {

    public boolean matchesWords() {
        return keyword > 0;
    }

    public boolean hasVector() {
        return !Double.isNaN(meaning);
    }
}
