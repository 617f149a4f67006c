package io.edgetwin.simulator.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A twin on another machine (a swarm node) has no cgroup on this host: its whole-twin series comes
 * from its core's status messages, says so, and is a gap while the core is silent.
 */
class RemoteTwinObservationTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-06T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRemoteTwinsDeviceSeriesIsTheCoresMemoryAndSaysWhereItCameFrom() {
        Observer observer = remote(FIXED);
        observer.onStatus(status(300L << 20, 420L << 20, 1));

        observer.sample();

        Series device = observer.series().stream().filter(s -> s.component().equals(Series.DEVICE)).findFirst().orElseThrow();
        assertEquals(Series.CORE_STATUS_MEMORY_ONLY, device.source());
        assertEquals(300L << 20, device.samples().get(0).memoryBytes());
        assertEquals(420L << 20, device.samples().get(0).memoryPeakBytes());
        assertEquals(1, device.samples().get(0).oomKills());
        assertThat(observer.series()).filteredOn(s -> !s.component().equals(Series.DEVICE))
                .allSatisfy(s -> assertEquals(Series.CORE_STATUS, s.source()));
        assertThat(observer.gaps()).isEmpty();
    }

    @Test
    void aSilentRemoteCoreLeavesAGapInTheDeviceSeriesNotAFlatLine() {
        Observer observer = remote(FIXED);

        observer.sample();

        assertThat(observer.series()).isEmpty();
        assertThat(observer.gaps()).singleElement().satisfies(gap -> {
            assertEquals(Series.DEVICE, gap.component());
            assertThat(gap.reason()).contains("another machine");
        });
    }

    @Test
    void aTwinReadOnThisHostSaysItsDeviceFiguresAreTheHostsCgroup() {
        assertEquals(Series.HOST_CGROUP, new Series("t", Series.DEVICE, null, null, java.util.List.of()).source());
        assertEquals(Series.CORE_STATUS, new Series("t", "com.edgetwin.Inference", null, null, java.util.List.of()).source());
    }

    private static Observer remote(Clock clock) {
        Map<String, HostCgroup> cgroups = new HashMap<>();
        cgroups.put("t-1", null);
        return new Observer(cgroups, Map.of("t-1/device", new Observer.Limits(805306368L, 1.0)), clock);
    }

    private static TwinStatus status(long currentBytes, long peakBytes, long oomKills) {
        return new TwinStatus("t-1", "RUNNING", 1000, null, new TwinStatus.Memory(currentBytes, peakBytes), oomKills,
                new TwinStatus.Deployment("d1", "SUCCESSFUL", ""), Map.of("com.edgetwin.Inference",
                new TwinStatus.Component("1.0.0", "RUNNING", true, 0, true, "", null,
                        new TwinStatus.Resources(1, 2, 3, 4, 5, 6, 7, 0))));
    }
}
