package org.paperboy.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrendingTest {

    @Test
    void pinsTheFormulaUpvotesOverAgePlusTwoHoursToTheOnePointFive() {
        assertEquals(3.5355339059327373, Trending.score(10, Duration.ZERO), 1e-15);
        assertEquals(0.0754292827454554, Trending.score(10, Duration.ofHours(24)), 1e-15);
        assertEquals(0.045115587579257085, Trending.score(100, Duration.ofHours(168)), 1e-15);
        assertEquals(0.25298221281347033, Trending.score(1, Duration.ofMinutes(30)), 1e-15);
    }

    @Test
    void noVotesScoreZeroAndNegativeAgesCountAsNew() {
        assertEquals(0.0, Trending.score(0, Duration.ofHours(1)));
        assertEquals(0.0, Trending.score(-3, Duration.ZERO));
        assertEquals(Trending.score(5, Duration.ZERO), Trending.score(5, Duration.ofHours(-4)));
    }

    @Test
    void aFreshPaperWithFewVotesPassesAnOldOneWithMany() {
        assertTrue(Trending.score(5, Duration.ofHours(2)) > Trending.score(50, Duration.ofHours(72)));
        assertTrue(Trending.score(50, Duration.ofHours(24)) > Trending.score(20, Duration.ofHours(24)));
    }
}
