package io.edgetwin.simulator.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentSummaryTest {

    @Test
    void summariesAddOomKillsOverTwinsAndTakeThrottleAndFaultRatesOverTheRun() {
        List<Series> series = List.of(
                new Series("t-1", "leaker", null, null, List.of(sample(0, 10, 0, 0, 0, 0), sample(2000, 64, 30, 60, 10, 1))),
                new Series("t-2", "leaker", null, null, List.of(sample(0, 10, 0, 0, 0, 0), sample(2000, 80, 10, 40, 30, 2))),
                new Series("t-1", "device", null, null, List.of(sample(0, 500, 0, 0, 0, 9))));
        List<Event> events = List.of(new Event(1500, "t-1", "leaker", "state-change", "RUNNING -> ERRORED (OOM_KILLED exit 137)"),
                new Event(1600, "t-1", "other", "state-change", "NEW -> RUNNING"));

        Map<String, ComponentSummary> summaries = ComponentSummary.of(series, events);

        assertThat(summaries).containsOnlyKeys("leaker");
        ComponentSummary leaker = summaries.get("leaker");
        assertEquals(3, leaker.oomKills());
        assertEquals(80, leaker.memoryPeakBytes());
        assertEquals(0.4, leaker.throttleRatio(), 1e-9, "40 throttled of 100 periods");
        assertEquals(20.0, leaker.majorFaultsPerSec(), 1e-9, "10 + 30 faults in 2 s");
        assertEquals(List.of(new ComponentSummary.StateChange(1500, "t-1", "ERRORED", "RUNNING -> ERRORED (OOM_KILLED exit 137)")),
                leaker.stateHistory());
    }

    private static ResourceSample sample(long tMs, long peak, long throttled, long periods, long faults, long ooms) {
        return new ResourceSample(tMs, peak, peak, 0, throttled, periods, 0, faults, ooms);
    }
}
