package io.edgetwin.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    @Test
    void slicesCombineAsIfTheyHadRunBackToBack() {
        LoadResult first = slice(100, 1_000_000, Duration.ofSeconds(2));
        LoadResult second = slice(50, 3_000_000, Duration.ofSeconds(1));

        LoadResult combined = LoadResult.combine(List.of(first, second));

        assertEquals(150, combined.ok());
        assertEquals(150, combined.latencyNanos().getTotalCount());
        assertEquals(Duration.ofSeconds(3), combined.measured());
        assertThat(combined.windows()).extracting(LatencyWindow::startMs).containsExactly(0L, 2000L);
        assertThat(combined.latencyNanos().getMaxValue()).isGreaterThanOrEqualTo(3_000_000);
        assertEquals(300, combined.generatorCpuNanos());
        assertEquals(100, combined.generatorSpinNanos());
    }

    @Test
    void workloadsThatRanAtOnceMergeTheirSameTimeWindowsAndKeepTheBusiestGeneratorThread() {
        LoadResult anomaly = slice(100, 1_000_000, Duration.ofSeconds(2));
        LoadResult defect = new LoadResult(30, 30, 0, 30, 0, 0, 0, 20, histogram(30, 5_000_000), new Histogram(3),
                List.of(new LatencyWindow(0, 30, 0, histogram(30, 5_000_000))), Duration.ofSeconds(2), 900, 100);

        LoadResult both = LoadResult.concurrent(List.of(anomaly, defect));

        assertEquals(130, both.ok());
        assertEquals(120, both.correct());
        assertEquals(Duration.ofSeconds(2), both.measured(), "the same measured part, not one after the other");
        assertThat(both.windows()).extracting(LatencyWindow::startMs).containsExactly(0L);
        assertEquals(130, both.windows().get(0).count());
        assertEquals(130, both.windows().get(0).latencyNanos().getTotalCount());
        assertEquals(900, both.generatorCpuNanos(), "each workload has its own generator thread");
    }

    private static Histogram histogram(int answers, long latencyNanos) {
        Histogram latency = new Histogram(3);
        latency.recordValueWithCount(latencyNanos, answers);
        return latency;
    }

    private static LoadResult slice(int answers, long latencyNanos, Duration measured) {
        Histogram latency = new Histogram(3);
        for (int i = 0; i < answers; i++) {
            latency.recordValue(latencyNanos);
        }
        return new LoadResult(answers, answers, 0, answers, 0, 0, 0, answers, latency, new Histogram(3),
                List.of(new LatencyWindow(0, answers, 0, latency)), measured, 150, 50);
    }
}
