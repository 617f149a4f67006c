package io.edgetwin.simulator.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One container's cgroup as the host sees it, in the files of the host's cgroup version
 * (REFERENCE §9). Each reading opens the files afresh: a container that stopped has no cgroup, and
 * a read then fails naming the file. {@link #read} gives {@code memoryPeakBytes} -1 when the kernel
 * keeps no peak (cgroup v2 before Linux 5.19); {@link HostCgroup} then tracks the highest sample.
 */
public sealed interface ContainerCgroup permits ContainerCgroup.V1, ContainerCgroup.V2 {

    /** Whether the cgroup is there now. */
    boolean exists();

    /** Where it is, for messages. */
    Path place();

    /** A reading now; an {@link IOException} names the file that could not be read or parsed. */
    ResourceSample read(long tMs) throws IOException;

    /** The caps as the cgroup has them now, e.g. {@code memory 536870912 B, cpus 0.8}. */
    String caps() throws IOException;

    /** Anonymous resident memory of every process in it: v1 {@code total_rss}, v2 {@code anon} of {@code memory.stat}. */
    long residentBytes() throws IOException;

    /** Cumulative CPU use in ns: v1 {@code cpuacct.usage}, v2 {@code usage_usec} of {@code cpu.stat}; one file read. */
    long cpuUsageNanos() throws IOException;

    /** The cgroup {@code name} inside this one (e.g. a component's, made by the core), whether or not it exists. */
    ContainerCgroup child(String name);

    /** cgroup v1: one directory per controller ({@code memory}, {@code cpu}, {@code cpuacct}). */
    record V1(Path memory, Path cpu, Path cpuacct) implements ContainerCgroup {

        @Override
        public boolean exists() {
            return Files.isDirectory(memory);
        }

        @Override
        public Path place() {
            return memory;
        }

        @Override
        public ResourceSample read(long tMs) throws IOException {
            String cpuStat = CgroupText.read(cpu.resolve("cpu.stat"));
            return new ResourceSample(tMs, CgroupText.number(memory.resolve("memory.usage_in_bytes")),
                    CgroupText.number(memory.resolve("memory.max_usage_in_bytes")),
                    CgroupText.number(cpuacct.resolve("cpuacct.usage")),
                    CgroupText.field(cpuStat, "nr_throttled"), CgroupText.field(cpuStat, "nr_periods"),
                    CgroupText.field(cpuStat, "throttled_time"),
                    CgroupText.field(CgroupText.read(memory.resolve("memory.stat")), "total_pgmajfault"),
                    CgroupText.field(CgroupText.read(memory.resolve("memory.oom_control")), "oom_kill"));
        }

        @Override
        public String caps() throws IOException {
            long quota = CgroupText.number(cpu.resolve("cpu.cfs_quota_us"));
            long period = CgroupText.number(cpu.resolve("cpu.cfs_period_us"));
            return CgroupText.caps(CgroupText.number(memory.resolve("memory.limit_in_bytes")), quota <= 0 ? -1 : quota, period);
        }

        @Override
        public long residentBytes() throws IOException {
            return CgroupText.field(CgroupText.read(memory.resolve("memory.stat")), "total_rss");
        }

        @Override
        public long cpuUsageNanos() throws IOException {
            return CgroupText.number(cpuacct.resolve("cpuacct.usage"));
        }

        @Override
        public ContainerCgroup child(String name) {
            return new V1(memory.resolve(name), cpu.resolve(name), cpuacct.resolve(name));
        }
    }

    /** cgroup v2: one directory for every controller. */
    record V2(Path dir) implements ContainerCgroup {

        @Override
        public boolean exists() {
            return Files.isDirectory(dir);
        }

        @Override
        public Path place() {
            return dir;
        }

        @Override
        public ResourceSample read(long tMs) throws IOException {
            String cpuStat = CgroupText.read(dir.resolve("cpu.stat"));
            Path peak = dir.resolve("memory.peak");
            return new ResourceSample(tMs, CgroupText.number(dir.resolve("memory.current")),
                    Files.exists(peak) ? CgroupText.number(peak) : -1,
                    CgroupText.field(cpuStat, "usage_usec") * 1_000,
                    CgroupText.field(cpuStat, "nr_throttled"), CgroupText.field(cpuStat, "nr_periods"),
                    CgroupText.field(cpuStat, "throttled_usec") * 1_000,
                    CgroupText.field(CgroupText.read(dir.resolve("memory.stat")), "pgmajfault"),
                    CgroupText.field(CgroupText.read(dir.resolve("memory.events")), "oom_kill"));
        }

        @Override
        public String caps() throws IOException {
            String memoryMax = CgroupText.read(dir.resolve("memory.max")).trim();
            String[] cpuMax = CgroupText.read(dir.resolve("cpu.max")).trim().split("\\s+");
            long memory = memoryMax.equals("max") ? Long.MAX_VALUE : CgroupText.parse(dir.resolve("memory.max"), memoryMax);
            long quota = cpuMax[0].equals("max") ? -1 : CgroupText.parse(dir.resolve("cpu.max"), cpuMax[0]);
            long period = cpuMax.length < 2 ? 100_000 : CgroupText.parse(dir.resolve("cpu.max"), cpuMax[1]);
            return CgroupText.caps(memory, quota, period);
        }

        @Override
        public long residentBytes() throws IOException {
            return CgroupText.field(CgroupText.read(dir.resolve("memory.stat")), "anon");
        }

        @Override
        public long cpuUsageNanos() throws IOException {
            return CgroupText.field(CgroupText.read(dir.resolve("cpu.stat")), "usage_usec") * 1_000;
        }

        @Override
        public ContainerCgroup child(String name) {
            return new V2(dir.resolve(name));
        }
    }
}
