package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.measure.TwinStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ComponentWatchTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ComponentWatch watch = new ComponentWatch("ml.Inference", nanos::get);

    private void status(long atSecond, boolean ready, long majorFaults, long peakBytes, long oomKills) {
        nanos.set(atSecond * 1_000_000_000L);
        TwinStatus.Resources resources = new TwinStatus.Resources(peakBytes, peakBytes, 0, 0, 0, 0, majorFaults, oomKills);
        watch.accept(new TwinStatus("t", "RUNNING", 0, null, null, 0, null, Map.of("ml.Inference",
                new TwinStatus.Component("1.0.0", "RUNNING", ready, 0, true, null, null, resources))));
    }

    private void reading(long atSecond, boolean ready, long memoryMib, double cpuSeconds, long periods, long throttled) {
        nanos.set(atSecond * 1_000_000_000L);
        TwinStatus.Resources resources = new TwinStatus.Resources(memoryMib << 20, 400L << 20, Math.round(cpuSeconds * 1e9),
                periods, throttled, 0, 0, 0);
        watch.accept(new TwinStatus("t", "RUNNING", 0, null, null, 0, null, Map.of("ml.Inference",
                new TwinStatus.Component("1.0.0", "RUNNING", ready, 0, true, null, null, resources))));
    }

    @Test
    void usageSettlesOverTheSecondHalfOfTheServingReadingsAndTakesTheCpuQuantileOverAllOfThem() {
        reading(0, false, 300, 5, 0, 0);
        // Serving from second 1: memory climbs to 200 MiB then settles at 140-150 MiB; one busy second (0.5 cores).
        long[] memory = {120, 200, 180, 150, 140, 145, 150, 140, 145};
        double cpu = 6;
        for (int second = 1; second <= memory.length; second++) {
            cpu += second == 3 ? 0.5 : 0.1;
            reading(second, true, memory[second - 1], cpu, second * 10L, second == 3 ? 1 : 0);
        }
        Usage usage = watch.observation().usage();
        assertThat(usage.settledBytes()).isEqualTo(145L << 20);
        assertThat(usage.peakBytes()).isEqualTo(400L << 20);
        assertThat(usage.meanCpus()).isCloseTo(0.1, Offset.offset(1e-9));
        assertThat(usage.highCpus()).isCloseTo(0.5, Offset.offset(1e-9));
        assertThat(usage.throttledShare()).isZero();
        assertThat(usage.seen()).isTrue();
    }

    @Test
    void tooFewServingReadingsGiveNoUsage() {
        reading(0, true, 100, 1, 0, 0);
        reading(1, true, 100, 2, 10, 0);
        assertThat(watch.observation().usage()).isEqualTo(Usage.none());
    }

    @Test
    void faultRateCountsOnlyWhileTheComponentServes() {
        status(0, false, 100, 50, 0);
        status(3, false, 5000, 80, 0);
        status(4, true, 5000, 90, 0);
        status(14, true, 5200, 70, 0);
        Observation seen = watch.observation();
        assertThat(seen.majorFaultsPerSec()).isEqualTo(20.0);
        assertThat(seen.peakBytes()).isEqualTo(90);
    }

    @Test
    void aComponentThatNeverGotReadyIsJudgedOverEveryReading() {
        status(0, false, 0, 10, 0);
        status(10, false, 30_000, 10, 1);
        assertThat(watch.observation().majorFaultsPerSec()).isEqualTo(3000.0);
        assertThat(watch.observation().oomKills()).isEqualTo(1);
    }

    @Test
    void readsTheStatusMessagesOfTheCore() {
        nanos.set(0);
        watch.accept("edgetwin/t/status", """
                {"thing":"t","core":"RUNNING","oomKills":0,"components":{"ml.Inference":{"version":"1.0.0","state":"RUNNING",
                "ready":true,"restarts":0,"enforced":true,"resources":{"memoryBytes":1,"memoryPeakBytes":123456,
                "cpuUsageNanos":0,"periods":0,"throttledPeriods":0,"throttledNanos":0,"majorFaults":7,"oomKills":0}}}}
                """.getBytes(StandardCharsets.UTF_8));
        watch.accept("edgetwin/t/status", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(watch.observation().seen()).isTrue();
        assertThat(watch.observation().peakBytes()).isEqualTo(123456);
    }

    @Test
    void anOomKillOfTheComponentDecidesTheTrial() {
        status(0, true, 0, 10, 0);
        assertThat(watch.decided()).isFalse();
        status(1, true, 0, 10, 1);
        assertThat(watch.decided()).isTrue();
    }

    @Test
    void nothingSeenWithoutReadingsOfTheComponent() {
        assertThat(watch.observation()).isEqualTo(Observation.none());
    }
}
