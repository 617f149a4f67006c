package io.edgetwin.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroup v2 logic against a fake unified hierarchy (a private cgroup namespace: the twin is at "/"). */
class CgroupV2Test {

    @TempDir
    Path root;

    private final Mounter alreadyMounted = (type, options, target) -> {
        throw new AssertionError("the fake hierarchy is already mounted");
    };

    @BeforeEach
    void unifiedHierarchyWithTheCoreInIt() throws IOException {
        Files.writeString(root.resolve("cgroup.procs"), "1\n7\n");
        Files.writeString(root.resolve("cgroup.controllers"), "cpu memory pids");
    }

    @Test
    void movesTheTwinsProcessesIntoALeafBeforeDelegatingControllers() throws IOException {
        CgroupV2.mount(root, "0::/\n", alreadyMounted, 2);

        assertEquals("7", Files.readString(root.resolve("core/cgroup.procs")), "each pid written in turn; the last one stays in the fake file");
        assertEquals("+cpu +memory +pids", Files.readString(root.resolve("cgroup.subtree_control")));
        assertEquals("+cpu +memory +pids", Files.readString(root.resolve("edgetwin/cgroup.subtree_control")));
    }

    @Test
    void writesMemoryMaxWithNoSwapAndCpuMax() throws IOException {
        ComponentCgroup cgroup = CgroupV2.mount(root, "0::/\n", alreadyMounted, 2)
                .create("c", new ResourceLimits(OptionalLong.of(65536), OptionalDouble.of(0.5), OptionalLong.of(32)));

        Path dir = root.resolve("edgetwin/c");
        assertEquals("67108864", Files.readString(dir.resolve("memory.max")));
        assertEquals("0", Files.readString(dir.resolve("memory.swap.max")));
        assertEquals("50000 100000", Files.readString(dir.resolve("cpu.max")));
        assertEquals("32", Files.readString(dir.resolve("pids.max")));
        assertThat(cgroup.procsFiles()).containsExactly(dir.resolve("cgroup.procs"));
    }

    @Test
    void noLimitsWriteMax() throws IOException {
        CgroupV2.mount(root, "0::/\n", alreadyMounted, 2).create("c", ResourceLimits.NONE);

        Path dir = root.resolve("edgetwin/c");
        assertEquals("max", Files.readString(dir.resolve("memory.max")));
        assertEquals("max 100000", Files.readString(dir.resolve("cpu.max")));
    }

    @Test
    void samplesTheUnifiedFiles() throws IOException {
        ComponentCgroup cgroup = CgroupV2.mount(root, "0::/\n", alreadyMounted, 2).create("c", ResourceLimits.NONE);
        Path dir = root.resolve("edgetwin/c");
        Files.writeString(dir.resolve("memory.current"), "100\n");
        Files.writeString(dir.resolve("memory.peak"), "200\n");
        Files.writeString(dir.resolve("cpu.stat"), "usage_usec 5\nuser_usec 3\nnr_periods 4\nnr_throttled 2\nthrottled_usec 9\n");
        Files.writeString(dir.resolve("memory.stat"), "anon 1\npgmajfault 6\n");
        Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 4\noom 2\noom_kill 1\n");

        assertEquals(new ResourceSample(100, 200, 5_000, 4, 2, 9_000, 6, 1), cgroup.sample());
    }

    @Test
    void theDetectorChoosesV2WhenCgroupControllersExists() throws IOException {
        Path self = Files.writeString(root.resolve("self-cgroup"), "0::/\n");

        ComponentCgroups cgroups = ComponentCgroupsDetector.detect(root, root, self, alreadyMounted, 2);

        assertEquals("v2", cgroups.version());
    }
}
