package io.edgetwin.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void poissonWithTheSameSeedGivesTheSameScheduleTwice() {
        List<Long> first = offsets(new Arrival.Poisson(40).schedule(42, MINUTE));
        List<Long> second = offsets(new Arrival.Poisson(40).schedule(42, MINUTE));

        assertThat(first).hasSizeGreaterThan(2000);
        assertEquals(first, second);
    }

    @Test
    void poissonWithAnotherSeedGivesAnotherSchedule() {
        assertThat(offsets(new Arrival.Poisson(40).schedule(43, MINUTE)))
                .isNotEqualTo(offsets(new Arrival.Poisson(40).schedule(42, MINUTE)));
    }

    @Test
    void poissonGapsHaveTheMeanAndSpreadOfAnExponential() {
        List<Long> offsets = offsets(new Arrival.Poisson(100).schedule(7, Duration.ofMinutes(10)));
        double[] gaps = new double[offsets.size() - 1];
        for (int i = 1; i < offsets.size(); i++) {
            gaps[i - 1] = (offsets.get(i) - offsets.get(i - 1)) / 1e6;
        }
        double mean = java.util.Arrays.stream(gaps).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(gaps).map(g -> (g - mean) * (g - mean)).average().orElseThrow());

        assertEquals(10.0, mean, 0.2, "mean gap at 100/s is 10 ms");
        assertEquals(mean, sd, 0.5, "an exponential's standard deviation equals its mean");
    }

    @Test
    void constantIsEvenlySpacedAndEndsAtTheDuration() {
        List<Long> offsets = offsets(new Arrival.Constant(50).schedule(1, Duration.ofSeconds(2)));

        assertEquals(100, offsets.size());
        assertEquals(0L, offsets.get(0));
        assertEquals(20_000_000L, offsets.get(1));
        assertEquals(1_980_000_000L, offsets.get(99));
    }

    @Test
    void stepsFollowEachStageAndRampLinearly() {
        Arrival steps = new Arrival.Steps(List.of(new Arrival.Stage(10, 10, Duration.ofSeconds(2)),
                new Arrival.Stage(10, 30, Duration.ofSeconds(2))));

        List<Long> offsets = offsets(steps.schedule(1, Duration.ofSeconds(6)));

        assertEquals(20, offsets.stream().filter(t -> t < 2_000_000_000L).count());
        long ramp = offsets.stream().filter(t -> t >= 2_000_000_000L && t < 4_000_000_000L).count();
        assertThat(ramp).isBetween(38L, 42L);
        assertThat(offsets.stream().filter(t -> t >= 4_000_000_000L).count()).isBetween(59L, 61L);
    }

    @Test
    void burstsRaiseTheRateAtTheStartOfEveryPeriod() {
        Arrival burst = new Arrival.Burst(10, 100, Duration.ofSeconds(5), Duration.ofSeconds(1));

        List<Long> offsets = offsets(burst.schedule(1, Duration.ofSeconds(10)));

        assertThat(offsets.stream().filter(t -> t < 1_000_000_000L).count()).isBetween(99L, 101L);
        assertThat(offsets.stream().filter(t -> t >= 1_000_000_000L && t < 5_000_000_000L).count()).isBetween(39L, 41L);
        assertThat(offsets.stream().filter(t -> t >= 5_000_000_000L && t < 6_000_000_000L).count()).isBetween(99L, 101L);
    }

    @Test
    void replayStopsAtTheDuration() {
        Arrival replay = new Arrival.Replay(new long[] {0, 5_000_000, 2_000_000_000L});

        assertThat(offsets(replay.schedule(1, Duration.ofSeconds(1)))).containsExactly(0L, 5_000_000L);
    }

    @Test
    void ratesArePerTwinSoAFleetSendsTheirSum() {
        assertEquals(new Arrival.Poisson(160), new Arrival.Poisson(40).forFleet(4));
        assertEquals(new Arrival.Closed(8), new Arrival.Closed(2).forFleet(4));
    }

    @Test
    void progressNamesTheModelAndItsRateOrItsRequestsInFlight() {
        assertEquals("constant arrivals, 50.0 requests/s", new Arrival.Constant(50).describe());
        assertEquals("poisson arrivals, 12.5 requests/s", new Arrival.Poisson(12.5).describe());
        assertEquals("closed, 4 in flight", new Arrival.Closed(4).describe());
    }

    static List<Long> offsets(Schedule schedule) {
        List<Long> offsets = new ArrayList<>();
        for (long t = schedule.next(); t != Schedule.END; t = schedule.next()) {
            offsets.add(t);
        }
        return offsets;
    }
}
