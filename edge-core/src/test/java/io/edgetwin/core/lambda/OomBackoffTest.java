package io.edgetwin.core.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OomBackoffTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void withoutAnOomKillInstancesStartUpToWhatTheFunctionAllows() {
        OomBackoff backoff = new OomBackoff(Duration.ofSeconds(3), 5);
        assertTrue(backoff.mayStart(0, 5, 0));
        assertTrue(backoff.mayStart(99, 5, 10 * SECOND));
        assertEquals(Duration.ZERO, backoff.quietFor(10 * SECOND));
        assertEquals(Integer.MAX_VALUE, backoff.ceiling());
    }

    @Test
    void anOomKillStopsStartsForTheQuietTimeThenAllowsOnlyAsManyAsSurvivedIt() {
        OomBackoff backoff = new OomBackoff(Duration.ofSeconds(3), 0);
        assertFalse(backoff.mayStart(3, 1, 100 * SECOND), "four were running, the kill left three (victim counted)");
        assertEquals(2, backoff.ceiling(), "the victim's pipe is still open: three counted, two survive");
        assertEquals(Duration.ofSeconds(3), backoff.quietFor(100 * SECOND));
        assertFalse(backoff.mayStart(1, 1, 102 * SECOND), "still quiet");
        assertTrue(backoff.mayStart(1, 1, 103 * SECOND), "quiet time over, below the ceiling");
        assertFalse(backoff.mayStart(2, 1, 200 * SECOND), "never again above what survived the kill");
    }

    @Test
    void theCeilingOnlyComesDownAndNeverBelowOneInstance() {
        OomBackoff backoff = new OomBackoff(Duration.ZERO, 0);
        backoff.mayStart(1, 3, 0);
        assertEquals(1, backoff.ceiling());
        assertTrue(backoff.mayStart(0, 3, SECOND), "a function may always run one instance");
        backoff.mayStart(6, 4, 2 * SECOND);
        assertEquals(1, backoff.ceiling(), "a later kill with more instances running does not raise it");
    }

    @Test
    void aNegativeQuietTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OomBackoff(Duration.ofSeconds(-1), 0));
    }
}
