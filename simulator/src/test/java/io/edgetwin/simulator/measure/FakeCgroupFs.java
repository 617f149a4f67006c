package io.edgetwin.simulator.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recorded cgroup trees of a container in a temp directory, as the host sees them on each cgroup
 * version with each of Docker's cgroup drivers, with file contents in the kernel's formats (taken
 * from real hosts, trimmed). {@code sys} plays {@code /sys/fs/cgroup}, {@code proc} plays {@code /proc}.
 * Every tree reads as the same sample: 50 MiB used, 60 MiB peak, 123.456 ms of CPU, 7 of 100 periods
 * throttled for 9 ms, 42 major faults, 3 OOM kills; caps 512 MiB and 0.8 cpus.
 */
public final class FakeCgroupFs {

    public static final String ID = "4f9c2a7e1b3d5c6e8f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e";
    public static final long PID = 4242;
    public static final ResourceSample EXPECTED = new ResourceSample(1000, 52_428_800, 62_914_560, 123_456_000, 7, 100, 9_000_000, 42, 3);

    /** Docker's layouts: where the container's cgroup is, relative to the hierarchy's mount. */
    public enum Driver {
        V1_CGROUPFS("/docker/" + ID), V1_SYSTEMD("/system.slice/docker-" + ID + ".scope"),
        V2_SYSTEMD("/system.slice/docker-" + ID + ".scope"), V2_CGROUPFS("/docker/" + ID);

        final String path;

        Driver(String path) {
            this.path = path;
        }

        boolean v2() {
            return this == V2_SYSTEMD || this == V2_CGROUPFS;
        }
    }

    public final Path sys;
    public final Path proc;

    public FakeCgroupFs(Path dir) {
        this.sys = dir.resolve("sys/fs/cgroup");
        this.proc = dir.resolve("proc");
    }

    /** The container's tree in {@code driver}'s place, and its init process's {@code /proc/<pid>/cgroup}. */
    public FakeCgroupFs container(Driver driver) {
        return driver.v2() ? v2(driver.path) : v1(driver.path, "cpu", "cpuacct");
    }

    /** A v1 tree with cpu and cpuacct co-mounted as {@code cpu,cpuacct} and no links named after each (some distributions). */
    FakeCgroupFs v1CoMounted(String path) {
        return v1(path, "cpu,cpuacct", "cpu,cpuacct");
    }

    public HostCgroup hostCgroup() {
        return new HostCgroup(CgroupLayout.detect(sys), proc, ID, () -> PID);
    }

    /** Where the container's memory is read from, for the test to change or remove. */
    public Path memoryDir(Driver driver) {
        return driver.v2() ? sys.resolve(driver.path.substring(1)) : sys.resolve("memory").resolve(driver.path.substring(1));
    }

    FakeCgroupFs v2(String path) {
        write(sys.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        Path dir = sys.resolve(path.substring(1));
        write(dir.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids rdma misc\n");
        write(dir.resolve("memory.current"), "52428800\n");
        write(dir.resolve("memory.peak"), "62914560\n");
        write(dir.resolve("memory.max"), "536870912\n");
        write(dir.resolve("memory.high"), "max\n");
        write(dir.resolve("memory.stat"), """
                anon 47841280
                file 4194304
                kernel 393216
                kernel_stack 98304
                pagetables 172032
                sock 0
                shmem 0
                file_mapped 1212416
                file_dirty 0
                file_writeback 0
                anon_thp 0
                inactive_anon 47837184
                active_anon 4096
                inactive_file 2097152
                active_file 2097152
                unevictable 0
                slab_reclaimable 49152
                slab_unreclaimable 73728
                slab 122880
                workingset_refault_anon 0
                workingset_refault_file 12
                pgscan 0
                pgsteal 0
                pgfault 30211
                pgmajfault 42
                thp_fault_alloc 0
                """);
        write(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 17\noom 3\noom_kill 3\noom_group_kill 0\n");
        write(dir.resolve("cpu.stat"), """
                usage_usec 123456
                user_usec 100000
                system_usec 23456
                nr_periods 100
                nr_throttled 7
                throttled_usec 9000
                nr_bursts 0
                burst_usec 0
                """);
        write(dir.resolve("cpu.max"), "80000 100000\n");
        write(proc.resolve(PID + "/cgroup"), "0::" + path + "\n");
        return this;
    }

    private FakeCgroupFs v1(String path, String cpuMount, String cpuacctMount) {
        String relative = path.substring(1);
        Path memory = sys.resolve("memory").resolve(relative);
        write(memory.resolve("memory.usage_in_bytes"), "52428800\n");
        write(memory.resolve("memory.max_usage_in_bytes"), "62914560\n");
        write(memory.resolve("memory.limit_in_bytes"), "536870912\n");
        write(memory.resolve("memory.stat"), """
                cache 4194304
                rss 47841280
                rss_huge 0
                shmem 0
                mapped_file 1212416
                dirty 0
                writeback 0
                pgpgin 21093
                pgpgout 8356
                pgfault 30211
                pgmajfault 42
                inactive_anon 0
                active_anon 47841280
                inactive_file 2097152
                active_file 2097152
                unevictable 0
                hierarchical_memory_limit 536870912
                total_cache 4194304
                total_rss 47841280
                total_pgfault 30211
                total_pgmajfault 42
                total_inactive_file 2097152
                total_active_file 2097152
                """);
        write(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 3\n");
        Path cpu = sys.resolve(cpuMount).resolve(relative);
        write(cpu.resolve("cpu.stat"), "nr_periods 100\nnr_throttled 7\nthrottled_time 9000000\n");
        write(cpu.resolve("cpu.cfs_quota_us"), "80000\n");
        write(cpu.resolve("cpu.cfs_period_us"), "100000\n");
        write(cpu.resolve("cpu.shares"), "1024\n");
        write(sys.resolve(cpuacctMount).resolve(relative).resolve("cpuacct.usage"), "123456000\n");
        write(sys.resolve("unified").resolve(relative).resolve("cgroup.procs"), PID + "\n");
        String cpuLine = cpuMount.equals("cpu") ? "2:cpu:" + path + "\n3:cpuacct:" + path : "2:" + cpuMount + ":" + path;
        write(proc.resolve(PID + "/cgroup"), "12:pids:" + path + "\n9:name=systemd:" + path + "\n4:memory:" + path + "\n"
                + cpuLine + "\n0::/\n");
        return this;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
