package io.edgetwin.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupV1Test {

    private static final String SELF = """
            12:pids:/docker/abc
            9:memory:/docker/abc
            5:cpu,cpuacct:/docker/abc
            1:name=systemd:/docker/abc
            """;

    @TempDir
    Path root;

    private final List<String> mounts = new ArrayList<>();

    /** Mounting creates the hierarchy root with its cgroup.procs, as the kernel would. */
    private final Mounter fakeMount = (type, options, target) -> {
        mounts.add(type + " " + options + " " + target.getFileName());
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve("cgroup.procs"), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    };

    @Test
    void mountsEachHierarchyWithTheControllersTheKernelCoMountsThemWith() {
        CgroupV1.mount(root, SELF, fakeMount, 2);

        assertThat(mounts).containsExactly("cgroup pids pids", "cgroup memory memory", "cgroup cpu,cpuacct cpu,cpuacct");
    }

    @Test
    void writesMemoryWithSwapCappedAndACpuQuotaUnderTheTwinsOwnCgroup() throws IOException {
        CgroupV1 cgroups = CgroupV1.mount(root, SELF, fakeMount, 2);
        kernelCreatesSwapAccounting("com.example.Inference");

        ComponentCgroup cgroup = cgroups.create("com.example.Inference", limits(524288, 0.5));

        Path memory = root.resolve("memory/docker/abc/edgetwin/com.example.Inference");
        Path cpu = root.resolve("cpu,cpuacct/docker/abc/edgetwin/com.example.Inference");
        assertEquals("536870912", Files.readString(memory.resolve("memory.limit_in_bytes")));
        assertEquals("536870912", Files.readString(memory.resolve("memory.memsw.limit_in_bytes")));
        assertEquals("100000", Files.readString(cpu.resolve("cpu.cfs_period_us")));
        assertEquals("50000", Files.readString(cpu.resolve("cpu.cfs_quota_us")));
        assertThat(cgroup.procsFiles()).containsExactly(
                root.resolve("pids/docker/abc/edgetwin/com.example.Inference/cgroup.procs"),
                memory.resolve("cgroup.procs"), cpu.resolve("cgroup.procs"));
    }

    @Test
    void cpusAtOrAboveTheCoreCountMeanNoCpuLimitAsInGreengrass() throws IOException {
        CgroupV1.mount(root, SELF, fakeMount, 2).create("c", limits(1024, 2.0));

        assertEquals("-1", Files.readString(root.resolve("cpu,cpuacct/docker/abc/edgetwin/c/cpu.cfs_quota_us")));
    }

    @Test
    void noLimitsWriteUnlimitedValues() throws IOException {
        CgroupV1.mount(root, SELF, fakeMount, 2).create("c", ResourceLimits.NONE);

        assertEquals("-1", Files.readString(root.resolve("memory/docker/abc/edgetwin/c/memory.limit_in_bytes")));
        assertEquals("-1", Files.readString(root.resolve("cpu,cpuacct/docker/abc/edgetwin/c/cpu.cfs_quota_us")));
        assertEquals("max", Files.readString(root.resolve("pids/docker/abc/edgetwin/c/pids.max")));
    }

    @Test
    void aLiveLimitChangeRewritesTheFiles() throws IOException {
        CgroupV1 cgroups = CgroupV1.mount(root, SELF, fakeMount, 2);
        kernelCreatesSwapAccounting("c");
        ComponentCgroup cgroup = cgroups.create("c", limits(524288, 0.5));

        cgroup.apply(new ResourceLimits(OptionalLong.of(65536), OptionalDouble.of(0.25), OptionalLong.of(64)));

        Path memory = root.resolve("memory/docker/abc/edgetwin/c");
        assertEquals("67108864", Files.readString(memory.resolve("memory.limit_in_bytes")));
        assertEquals("67108864", Files.readString(memory.resolve("memory.memsw.limit_in_bytes")));
        assertEquals("25000", Files.readString(root.resolve("cpu,cpuacct/docker/abc/edgetwin/c/cpu.cfs_quota_us")));
        assertEquals("64", Files.readString(root.resolve("pids/docker/abc/edgetwin/c/pids.max")));
    }

    @Test
    void samplesMemoryCpuThrottlingFaultsAndOomKillsFromTheComponentsFiles() throws IOException {
        CgroupV1.mount(root, SELF, fakeMount, 2).create("c", limits(1024, 0.5));
        Path memory = root.resolve("memory/docker/abc/edgetwin/c");
        Path cpu = root.resolve("cpu,cpuacct/docker/abc/edgetwin/c");
        Files.writeString(memory.resolve("memory.usage_in_bytes"), "1000\n");
        Files.writeString(memory.resolve("memory.max_usage_in_bytes"), "2000\n");
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        Files.writeString(memory.resolve("memory.stat"), "pgmajfault 5\ntotal_pgmajfault 7\n");
        Files.writeString(cpu.resolve("cpuacct.usage"), "123456789\n");
        Files.writeString(cpu.resolve("cpu.stat"), "nr_periods 40\nnr_throttled 10\nthrottled_time 999\n");

        ResourceSample sample = CgroupV1.mount(root, SELF, fakeMount, 2).create("c", limits(1024, 0.5)).sample();

        assertEquals(new ResourceSample(1000, 2000, 123456789, 40, 10, 999, 7, 3), sample);
    }

    @Test
    void killAllEndsEveryProcessListedInTheComponentsCgroup() throws Exception {
        ComponentCgroup cgroup = CgroupV1.mount(root, SELF, fakeMount, 2).create("c", limits(1024, 0.5));
        Process orphanLike = new ProcessBuilder("sleep", "300").start();
        Files.writeString(root.resolve("memory/docker/abc/edgetwin/c/cgroup.procs"), orphanLike.pid() + "\n");

        cgroup.killAll();

        assertThat(orphanLike.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("the process was killed").isTrue();
    }

    @Test
    void aHostWithoutAMemoryHierarchyCannotEnforce() {
        EnforcementException e = assertThrows(EnforcementException.class,
                () -> CgroupV1.mount(root, "5:cpu,cpuacct:/docker/abc\n", fakeMount, 2));

        assertThat(e.getMessage()).contains("no memory cgroup hierarchy");
    }

    @Test
    void aFailedMountIsReportedAsUnenforceable() {
        Mounter refusing = (type, options, target) -> {
            throw new EnforcementException("cannot mount cgroup (" + options + "): permission denied");
        };

        assertThrows(EnforcementException.class, () -> CgroupV1.mount(root, SELF, refusing, 2));
    }

    /** The kernel creates memory.memsw.* in every new memory cgroup when swap accounting is on. */
    private void kernelCreatesSwapAccounting(String component) throws IOException {
        Path dir = Files.createDirectories(root.resolve("memory/docker/abc/edgetwin").resolve(component));
        Files.writeString(dir.resolve("memory.memsw.limit_in_bytes"), "9223372036854771712");
    }

    private static ResourceLimits limits(long memoryKb, double cpus) {
        return new ResourceLimits(OptionalLong.of(memoryKb), OptionalDouble.of(cpus));
    }
}
