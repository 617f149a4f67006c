package io.edgetwin.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgetwin.report.PlacementResult;
import io.edgetwin.report.ResourceSample;
import io.edgetwin.report.ResourceSamples;
import io.edgetwin.report.ResourceSeries;
import io.edgetwin.report.SeriesLimits;
import io.edgetwin.simulator.fault.Fault;
import io.edgetwin.simulator.load.LatencyWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PlacementMeterTest {

    @Test
    void answersDueDuringAWanOutageAreCountedByTheirWindows() {
        List<LatencyWindow> windows = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            windows.add(new LatencyWindow(s * 1000L, 40, s >= 3 && s < 6 ? 38 : 0, new Histogram(3)));
        }
        Fault outage = new Fault.WanOutage(Duration.ofSeconds(3), Duration.ofSeconds(3), null);

        PlacementResult.OutageAnswers answers = PlacementMeter.outage(windows, List.of(outage));

        assertThat(answers).isEqualTo(new PlacementResult.OutageAnswers(120, 6));
        assertThat(PlacementMeter.outage(windows, List.of())).as("no outage, nothing to count").isNull();
    }

    @Test
    void deviceCpuIsTheCgroupsUsageOverTheMeasuredPartPerTwin() {
        ResourceSeries twin = series(new long[] {-1000, 0, 1000, 2000}, new long[] {0, 100_000_000, 400_000_000, 700_000_000});
        ResourceSeries other = series(new long[] {0, 2000}, new long[] {0, 200_000_000});

        assertThat(PlacementMeter.deviceCores(List.of(twin, other))).isCloseTo((0.3 + 0.1) / 2, within(1e-9));
    }

    @Test
    void thePathIsSetAgainstTheForwardPassAtP50FromTheSameAnswers() {
        PlacementResult edge = new PlacementResult("edge", null, new PlacementResult.LatencySplit(0, 2.1, 0.04, 2.2, 0.031),
                0, 0, 0, null, 0, 0);

        assertThat(PlacementMeter.describePath(edge)).isEqualTo("path p50 2.20 ms, forward pass p50 0.031 ms"
                + " (inferenceMicros of the answers, timed inside the component): the path adds 2.17 ms at p50");
    }

    private static ResourceSeries series(long[] tMs, long[] cpuNanos) {
        List<ResourceSample> rows = new ArrayList<>();
        for (int i = 0; i < tMs.length; i++) {
            rows.add(new ResourceSample(tMs[i], 1, 1, cpuNanos[i], 0, 0, 0, 0, 0));
        }
        return new ResourceSeries("t-1", ResourceSeries.DEVICE, new SeriesLimits(null, null), ResourceSamples.of(rows));
    }
}
