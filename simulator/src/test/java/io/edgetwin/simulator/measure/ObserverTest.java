package io.edgetwin.simulator.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObserverTest {

    @TempDir
    Path dir;

    private FakeCgroupFs fs;

    @BeforeEach
    void recordedTree() {
        fs = new FakeCgroupFs(dir).container(FakeCgroupFs.Driver.V2_SYSTEMD);
    }

    @Test
    void everySampleAddsToTheDeviceSeriesAndEachComponentsSeries() throws IOException {
        Observer observer = observer(Clock.systemUTC());
        observer.onStatus(status(1000, "RUNNING", 0, 0));

        observer.sample();
        observer.sample();

        assertThat(observer.series()).extracting(Series::component).containsExactlyInAnyOrder("device", "com.edgetwin.Inference");
        assertThat(observer.series()).allSatisfy(s -> assertThat(s.samples()).hasSize(2));
        Series device = observer.series().stream().filter(s -> s.component().equals("device")).findFirst().orElseThrow();
        assertEquals(805306368L, device.memoryLimitBytes());
    }

    @Test
    void statusChangesBecomeEventsStateRestartOomReconnectAndPowerOn() {
        MutableClock clock = new MutableClock();
        Observer observer = observer(clock);

        observer.onStatus(status(10_000, "RUNNING", 0, 0));
        clock.millis += 1000;
        observer.onStatus(status(11_000, "ERRORED", 1, 1));
        clock.millis += 8000;
        observer.onStatus(status(1_500, "RUNNING", 1, 1));

        List<String> kinds = observer.events().stream().map(e -> e.kind() + ":" + e.detail()).toList();
        assertThat(kinds).anyMatch(k -> k.startsWith("state-change:RUNNING -> ERRORED"));
        assertThat(kinds).anyMatch(k -> k.startsWith("restart:restart 1"));
        assertThat(kinds).anyMatch(k -> k.startsWith("oom-kill:OOM kills 0 -> 1"));
        assertThat(kinds).anyMatch(k -> k.startsWith("reconnect:heard again after 8000 ms"));
        assertThat(kinds).anyMatch(k -> k.startsWith("power-on:"));
        assertEquals(1, observer.twins().get(0).reconnects());
        assertEquals(Map.of("com.edgetwin.Inference", "RUNNING"), observer.twins().get(0).componentStates());
    }

    @Test
    void statusOfTwinsOfOtherVariantsIsIgnored() {
        Observer observer = observer(Clock.systemUTC());

        observer.onStatus(new TwinStatus("other-1", "RUNNING", 1, null, null, 0, null, Map.of()));

        assertThat(observer.twins().get(0).lastSeen()).isNull();
    }

    @Test
    void aCgroupThatDisappearsMidRunCutsTheDeviceSeriesOffAndNamesWhy() throws IOException {
        Observer observer = observer(Clock.systemUTC());
        observer.onStatus(status(1000, "RUNNING", 0, 0));
        observer.sample();

        deleteTree(fs.memoryDir(FakeCgroupFs.Driver.V2_SYSTEMD));
        observer.sample();
        observer.sample();

        assertThat(device(observer).samples()).hasSize(1);
        assertThat(observer.gaps()).singleElement().satisfies(gap -> {
            assertEquals("device", gap.component());
            assertThat(gap.openEnded()).isTrue();
            assertThat(gap.reason()).contains("cgroup v2 of container", "not found at",
                    fs.memoryDir(FakeCgroupFs.Driver.V2_SYSTEMD).toString());
        });
    }

    @Test
    void aGapThatHealsIsClosedWhereSamplingCameBack() throws IOException {
        Observer observer = observer(Clock.systemUTC());
        Path stat = fs.memoryDir(FakeCgroupFs.Driver.V2_SYSTEMD).resolve("memory.stat");
        String text = Files.readString(stat);
        Files.delete(stat);
        observer.sample();

        Files.writeString(stat, text);
        observer.sample();

        assertThat(observer.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.openEnded()).isFalse();
            assertThat(gap.reason()).startsWith("file unreadable: " + stat);
        });
    }

    @Test
    void aSilentCoreLeavesAGapInItsComponentsSeriesNotAFlatLine() {
        MutableClock clock = new MutableClock();
        Observer observer = observer(clock);
        observer.onStatus(status(1000, "RUNNING", 0, 0));
        observer.sample();

        clock.millis += Observer.SILENCE_MS + 1000;
        observer.sample();

        Series inference = observer.series().stream().filter(s -> s.component().equals("com.edgetwin.Inference"))
                .findFirst().orElseThrow();
        assertThat(inference.samples()).hasSize(1);
        assertThat(observer.gaps()).singleElement().satisfies(gap -> {
            assertEquals("com.edgetwin.Inference", gap.component());
            assertThat(gap.reason()).contains("no status from the twin's core");
        });
    }

    @Test
    void aComponentWithoutACgroupIsNamedAsNotSampled() {
        Observer observer = observer(Clock.systemUTC());
        observer.onStatus(new TwinStatus("t-1", "RUNNING", 1000, null, new TwinStatus.Memory(1, 2), 0, null,
                Map.of("com.edgetwin.Inference", new TwinStatus.Component("1.0.0", "RUNNING", true, 0, false, "", null, null))));

        observer.sample();

        assertThat(observer.gaps()).singleElement().satisfies(gap ->
                assertThat(gap.reason()).contains("no cgroup readings for it"));
    }

    @Test
    void aKernelWithoutMemoryPeakIsNotedOnceForTheDeviceSeries() throws IOException {
        Files.delete(fs.memoryDir(FakeCgroupFs.Driver.V2_SYSTEMD).resolve("memory.peak"));
        Observer observer = observer(Clock.systemUTC());

        observer.sample();
        observer.sample();

        assertThat(observer.gaps()).singleElement().satisfies(gap -> {
            assertEquals("memoryPeakBytes", gap.column());
            assertThat(gap.reason()).contains("memory.peak is absent");
        });
    }

    private static Series device(Observer observer) {
        return observer.series().stream().filter(s -> s.component().equals("device")).findFirst().orElseThrow();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Observer observer(Clock clock) {
        return new Observer(Map.of("t-1", fs.hostCgroup()),
                Map.of("t-1/device", new Observer.Limits(805306368L, 1.0)), clock);
    }

    private static TwinStatus status(long uptimeMs, String state, int restarts, long oomKills) {
        TwinStatus.Resources resources = new TwinStatus.Resources(1, 2, 3, 4, 5, 6, 7, oomKills);
        return new TwinStatus("t-1", "RUNNING", uptimeMs, null, new TwinStatus.Memory(1, 2), 0,
                new TwinStatus.Deployment("d1", "SUCCESSFUL", ""), Map.of("com.edgetwin.Inference",
                new TwinStatus.Component("1.0.0", state, true, restarts, true, "", null, resources)));
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        long millis = 1_000_000;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
