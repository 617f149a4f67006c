package io.edgetwin.simulator.sizing;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetwin.simulator.measure.TwinStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
    void nothingSeenWithoutReadingsOfTheComponent() {
        assertThat(watch.observation()).isEqualTo(Observation.none());
    }
}
