package io.edgetwin.core.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCgroupTest {

    /** What cgroup v1 reports for "no memory limit": LONG_MAX rounded down to the page size. */
    private static final String V1_NO_LIMIT = "9223372036854771712";
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path root;

    @Test
    void v1CapsAreReadBackFromEachController() {
        DeviceCgroup cgroup = FakeCgroupFs.v1(root)
                .with("memory/memory.limit_in_bytes", Long.toString(512 * MIB))
                .with("memory/memory.memsw.limit_in_bytes", Long.toString(768 * MIB))
                .with("cpu/cpu.cfs_quota_us", "150000")
                .with("cpu/cpu.cfs_period_us", "100000")
                .with("pids/pids.max", "256")
                .read();

        assertFalse(cgroup.isV2());
        assertEquals(new DeviceCaps(512 * MIB, 768 * MIB, 1.5, 256), cgroup.caps());
    }

    @Test
    void v1WithoutLimitsReportsMinusOneForEveryCap() {
        DeviceCgroup cgroup = FakeCgroupFs.v1(root)
                .with("memory/memory.limit_in_bytes", V1_NO_LIMIT)
                .with("memory/memory.memsw.limit_in_bytes", V1_NO_LIMIT)
                .with("cpu/cpu.cfs_quota_us", "-1")
                .with("cpu/cpu.cfs_period_us", "100000")
                .with("pids/pids.max", "max")
                .read();

        assertEquals(new DeviceCaps(-1, -1, -1, -1), cgroup.caps());
    }

    @Test
    void v1WithoutSwapAccountingOrPidsControllerReportsThemUnlimited() {
        DeviceCgroup cgroup = FakeCgroupFs.v1(root)
                .with("memory/memory.limit_in_bytes", Long.toString(256 * MIB))
                .with("cpu/cpu.cfs_quota_us", "50000")
                .with("cpu/cpu.cfs_period_us", "100000")
                .read();

        assertEquals(new DeviceCaps(256 * MIB, -1, 0.5, -1), cgroup.caps());
    }

    @Test
    void v1MemoryUseAndOomKillsAreRead() {
        DeviceCgroup cgroup = FakeCgroupFs.v1(root)
                .with("memory/memory.usage_in_bytes", "104857600")
                .with("memory/memory.max_usage_in_bytes", "209715200")
                .with("memory/memory.oom_control", "oom_kill_disable 0\nunder_oom 1\noom_kill 3")
                .read();

        assertEquals(new DeviceCgroup.MemoryUse(104857600, 209715200, 3), cgroup.memory());
    }

    @Test
    void v1KernelWithoutAnOomKillCounterReportsNone() {
        DeviceCgroup cgroup = FakeCgroupFs.v1(root)
                .with("memory/memory.usage_in_bytes", "1")
                .with("memory/memory.max_usage_in_bytes", "2")
                .with("memory/memory.oom_control", "oom_kill_disable 0\nunder_oom 0")
                .read();

        assertEquals(0, cgroup.memory().oomKills());
    }

    @Test
    void v2CapsAreReadBackWithSwapAddedToMemoryAsV1Means() {
        DeviceCgroup cgroup = FakeCgroupFs.v2(root)
                .with("memory.max", Long.toString(512 * MIB))
                .with("memory.swap.max", Long.toString(256 * MIB))
                .with("cpu.max", "50000 100000")
                .with("pids.max", "100")
                .read();

        assertTrue(cgroup.isV2());
        assertEquals(new DeviceCaps(512 * MIB, 768 * MIB, 0.5, 100), cgroup.caps());
    }

    @Test
    void v2WithoutLimitsReportsMinusOneForEveryCap() {
        DeviceCgroup cgroup = FakeCgroupFs.v2(root)
                .with("memory.max", "max")
                .with("memory.swap.max", "max")
                .with("cpu.max", "max 100000")
                .with("pids.max", "max")
                .read();

        assertEquals(new DeviceCaps(-1, -1, -1, -1), cgroup.caps());
    }

    @Test
    void v2MemoryLimitWithUnlimitedSwapHasNoMemoryPlusSwapCap() {
        DeviceCgroup cgroup = FakeCgroupFs.v2(root)
                .with("memory.max", Long.toString(512 * MIB))
                .with("memory.swap.max", "max")
                .with("cpu.max", "200000 100000")
                .with("pids.max", "max")
                .read();

        assertEquals(new DeviceCaps(512 * MIB, -1, 2.0, -1), cgroup.caps());
    }

    @Test
    void v2WithSwapForbiddenCapsMemoryPlusSwapAtMemory() {
        DeviceCgroup cgroup = FakeCgroupFs.v2(root)
                .with("memory.max", Long.toString(512 * MIB))
                .with("memory.swap.max", "0")
                .with("cpu.max", "max 100000")
                .with("pids.max", "max")
                .read();

        assertEquals(512 * MIB, cgroup.caps().memorySwapBytes());
    }

    @Test
    void v2MemoryUseAndOomKillsAreRead() {
        DeviceCgroup cgroup = FakeCgroupFs.v2(root)
                .with("memory.current", "104857600")
                .with("memory.peak", "209715200")
                .with("memory.events", "low 0\nhigh 0\nmax 12\noom 4\noom_kill 3\noom_group_kill 7")
                .read();

        assertEquals(new DeviceCgroup.MemoryUse(104857600, 209715200, 3), cgroup.memory());
    }

    @Test
    void v2KernelWithoutMemoryPeakReportsPeakAsUnknown() {
        DeviceCgroup cgroup = FakeCgroupFs.v2(root)
                .with("memory.current", "5")
                .read();

        assertEquals(new DeviceCgroup.MemoryUse(5, -1, 0), cgroup.memory());
    }
}
