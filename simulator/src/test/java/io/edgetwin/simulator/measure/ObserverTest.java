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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObserverTest {

    private static final String ID = "abc123";

    @TempDir
    Path cgroupRoot;

    @Test
    void theHostCgroupOfATwinIsReadFromItsDockerDirectories() throws IOException {
        fakeCgroup(50_000_000, 3);

        ResourceSample sample = new HostCgroup(cgroupRoot, ID).read(1000);

        assertEquals(new ResourceSample(1000, 50_000_000, 60_000_000, 123_456_789, 7, 100, 9_000_000, 42, 3), sample);
    }

    @Test
    void theCapsAreReadBackFromTheHostCgroup() throws IOException {
        fakeCgroup(1, 0);
        Files.writeString(cgroupRoot.resolve("memory/docker").resolve(ID).resolve("memory.limit_in_bytes"), "536870912\n");
        Files.writeString(cgroupRoot.resolve("cpu/docker").resolve(ID).resolve("cpu.cfs_quota_us"), "80000\n");
        Files.writeString(cgroupRoot.resolve("cpu/docker").resolve(ID).resolve("cpu.cfs_period_us"), "100000\n");

        assertEquals("memory 536870912 B, cpus 0.8", new HostCgroup(cgroupRoot, ID).caps());
    }

    @Test
    void aMissingCgroupGivesNoSample() {
        assertThat(new HostCgroup(cgroupRoot, "gone").read(0)).isNull();
    }

    @Test
    void everySampleAddsToTheDeviceSeriesAndEachComponentsSeries() throws IOException {
        fakeCgroup(50_000_000, 0);
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

    private Observer observer(Clock clock) {
        return new Observer(Map.of("t-1", new HostCgroup(cgroupRoot, ID)),
                Map.of("t-1/device", new Observer.Limits(805306368L, 1.0)), clock);
    }

    private static TwinStatus status(long uptimeMs, String state, int restarts, long oomKills) {
        TwinStatus.Resources resources = new TwinStatus.Resources(1, 2, 3, 4, 5, 6, 7, oomKills);
        return new TwinStatus("t-1", "RUNNING", uptimeMs, null, new TwinStatus.Memory(1, 2), 0,
                new TwinStatus.Deployment("d1", "SUCCESSFUL", ""), Map.of("com.edgetwin.Inference",
                new TwinStatus.Component("1.0.0", state, true, restarts, true, "", null, resources)));
    }

    private void fakeCgroup(long usage, long oomKills) throws IOException {
        Path memory = Files.createDirectories(cgroupRoot.resolve("memory/docker").resolve(ID));
        Path cpu = Files.createDirectories(cgroupRoot.resolve("cpu/docker").resolve(ID));
        Path cpuacct = Files.createDirectories(cgroupRoot.resolve("cpuacct/docker").resolve(ID));
        Files.writeString(memory.resolve("memory.usage_in_bytes"), usage + "\n");
        Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "60000000\n");
        Files.writeString(memory.resolve("memory.stat"), "cache 0\ntotal_pgmajfault 42\n");
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill " + oomKills + "\n");
        Files.writeString(cpu.resolve("cpu.stat"), "nr_periods 100\nnr_throttled 7\nthrottled_time 9000000\n");
        Files.writeString(cpuacct.resolve("cpuacct.usage"), "123456789\n");
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
