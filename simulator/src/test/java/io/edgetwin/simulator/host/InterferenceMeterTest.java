package io.edgetwin.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.edgetwin.report.Interference;
import io.edgetwin.report.InterferenceSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded /proc and cgroup snapshots of a 2-core host, a second apart, fed through a fake clock. */
class InterferenceMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path root;
    private final AtomicLong now = new AtomicLong(100 * SECOND);

    @Test
    void othersCpuIsTheHostsBusyTimeMinusTheRunsOwn() throws IOException {
        // 2 cores, 200 ticks a second; 150 busy ticks = 1.5 cores; the twin used 0.5 core, the JVM 0.25.
        InterferenceMeter meter = meter(pressure(0, 0, 0));
        host(10_000, 0, 5_000, 0);
        twin(0);
        jvm(0);
        meter.begin(now.get());
        meter.sample();
        tick(10_150, 0, 5_050, 0, SECOND / 2, 25, pressure(300_000, 0, 100_000));
        meter.sample();

        Interference result = meter.result();
        assertEquals(1, result.samples().size());
        InterferenceSample s = result.samples().get(0);
        assertEquals(0.375, s.outsideShare(), 1e-9, "1.5 busy cores - 0.75 own = 0.75 of 2 cores");
        assertEquals(0.3, s.cpuPressure(), 1e-9);
        assertEquals(0.1, s.ioPressure(), 1e-9);
        assertEquals(2, result.cores());
        assertEquals(1000, s.tMs());
    }

    @Test
    void stealCountsAsOthersAndIoWaitIsReportedApart() throws IOException {
        InterferenceMeter meter = meter(null);
        host(10_000, 0, 5_000, 0);
        twin(0);
        jvm(0);
        meter.begin(now.get());
        meter.sample();
        tick(10_040, 40, 5_120, 40, 0, 0, null);
        meter.sample();

        InterferenceSample s = meter.result().samples().get(0);
        assertEquals(0.2, s.outsideShare(), 1e-9, "40 stolen ticks of 200");
        assertEquals(0.2, s.stealShare(), 1e-9);
        assertEquals(0.2, s.ioWaitShare(), 1e-9);
        assertNull(s.cpuPressure(), "no /proc/pressure on this host");
    }

    @Test
    void readingsBeforeTheMeasuredPartAndBetweenSlicesAreIgnored() throws IOException {
        InterferenceMeter meter = meter(null);
        host(10_000, 0, 5_000, 0);
        twin(0);
        jvm(0);
        meter.begin(now.get() + 5 * SECOND);
        meter.sample();
        tick(10_200, 0, 5_000, 0, 0, 0, null);
        meter.sample();
        assertTrue(meter.result().samples().isEmpty(), "the warm-up is not measured");

        now.addAndGet(4 * SECOND);
        meter.sample();
        tick(10_300, 0, 5_100, 0, 0, 0, null);
        meter.end();
        tick(10_500, 0, 5_100, 0, 0, 0, null);
        meter.sample();

        assertEquals(1, meter.result().samples().size());
        assertEquals(0.5, meter.result().samples().get(0).outsideShare(), 1e-9);
    }

    @Test
    void aRunWhoseOwnCgroupsCannotBeReadHasNoInterference() throws IOException {
        InterferenceMeter meter = meter(null);
        host(10_000, 0, 5_000, 0);
        jvm(0);
        meter.begin(now.get());
        meter.sample();
        tick(10_150, 0, 5_050, 0, 0, 0, null);
        meter.sample();

        assertNull(meter.result(), "without the twins' use, the others' use is unknown");
    }

    private InterferenceMeter meter(String pressure) throws IOException {
        if (pressure != null) {
            Files.createDirectories(root.resolve("proc/pressure"));
            writePressure(pressure);
        }
        OwnUsage own = new OwnUsage(root.resolve("cgroup"), root.resolve("proc"), 100);
        own.addContainer("abc");
        own.addProcess(() -> 4242);
        return new InterferenceMeter(new HostProbe(root.resolve("proc"), own, now::get), now::get);
    }

    private String pressure(long cpu, long memory, long io) {
        return cpu + " " + memory + " " + io;
    }

    private void writePressure(String totals) throws IOException {
        String[] t = totals.split(" ");
        String[] names = {"cpu", "memory", "io"};
        for (int i = 0; i < 3; i++) {
            Files.writeString(root.resolve("proc/pressure").resolve(names[i]), "some avg10=0.00 avg60=0.00 avg300=0.00 total="
                    + t[i] + "\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        }
    }

    /** A second later: the host's new counters, the twin's and the JVM's CPU so far. */
    private void tick(long busy, long steal, long idle, long ioWait, long twinNanos, long jvmTicks, String pressure)
            throws IOException {
        now.addAndGet(SECOND);
        host(busy, steal, idle, ioWait);
        if (twinNanos >= 0 && Files.exists(root.resolve("cgroup/cpuacct/docker/abc"))) {
            twin(twinNanos);
        }
        jvm(jvmTicks);
        if (pressure != null) {
            writePressure(pressure);
        }
    }

    private void host(long busy, long steal, long idle, long ioWait) throws IOException {
        Files.createDirectories(root.resolve("proc"));
        long user = busy - steal;
        Files.writeString(root.resolve("proc/stat"), "cpu  " + user + " 0 0 " + idle + " " + ioWait + " 0 0 " + steal + " 0 0\n"
                + "cpu0 1 0 0 1 0 0 0 0 0 0\ncpu1 1 0 0 1 0 0 0 0 0 0\nintr 1\n");
    }

    private void twin(long nanos) throws IOException {
        Path dir = Files.createDirectories(root.resolve("cgroup/cpuacct/docker/abc"));
        Files.writeString(dir.resolve("cpuacct.usage"), nanos + "\n");
    }

    private void jvm(long ticks) throws IOException {
        Path dir = Files.createDirectories(root.resolve("proc/4242"));
        Files.writeString(dir.resolve("stat"), "4242 (java (edgetwin)) S 1 1 1 0 -1 0 0 0 0 0 " + ticks + " 0 0 0 20 0 40 0\n");
    }
}
