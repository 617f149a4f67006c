package io.edgetwin.core.resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Component cgroups on cgroup v1: one directory per component in each of the memory, cpu, cpuacct
 * and pids hierarchies, under the twin's own cgroup ({@code /proc/self/cgroup}) in a subtree named
 * {@code edgetwin}. Hierarchies are mounted with the controller set the kernel co-mounts them with
 * (e.g. {@code cpu,cpuacct} on many hosts), as a different set would be refused.
 */
public final class CgroupV1 implements ComponentCgroups {

    static final long PERIOD_MICROS = 100_000;
    private static final Set<String> WANTED = Set.of("memory", "cpu", "cpuacct", "pids");

    /** The {@code edgetwin} parent directory of each controller. */
    private final Map<String, Path> parents;
    private final int cores;

    private CgroupV1(Map<String, Path> parents, int cores) {
        this.parents = parents;
        this.cores = cores;
    }

    /**
     * Mounts the hierarchies under {@code mountRoot} and finds the twin's own cgroup in each.
     *
     * @param procSelfCgroup the text of {@code /proc/self/cgroup}
     * @param cores          the device's cores: a {@code cpus} limit at or above it means no CPU limit
     */
    public static CgroupV1 mount(Path mountRoot, String procSelfCgroup, Mounter mounter, int cores) {
        Map<String, Path> parents = new LinkedHashMap<>();
        for (String line : procSelfCgroup.split("\n")) {
            String[] parts = line.trim().split(":", 3);
            if (parts.length != 3 || parts[1].isEmpty()) {
                continue;
            }
            List<String> controllers = List.of(parts[1].split(","));
            if (controllers.stream().noneMatch(WANTED::contains)) {
                continue;
            }
            Path mountpoint = mountRoot.resolve(parts[1]);
            if (!Files.exists(mountpoint.resolve("cgroup.procs"))) {
                mounter.mount("cgroup", parts[1], mountpoint);
            }
            Path own = mountpoint.resolve(parts[2].replaceFirst("^/", ""));
            Path parent = own.resolve("edgetwin");
            CgroupFiles.createDirectories(parent);
            controllers.stream().filter(WANTED::contains).forEach(c -> parents.put(c, parent));
        }
        for (String controller : List.of("memory", "cpu")) {
            if (!parents.containsKey(controller)) {
                throw new EnforcementException("no " + controller + " cgroup hierarchy in /proc/self/cgroup; "
                        + "cannot enforce component limits on this device");
            }
        }
        return new CgroupV1(parents, cores);
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public ComponentCgroup create(String component, ResourceLimits limits) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        parents.forEach((controller, parent) -> dirs.put(controller, parent.resolve(component)));
        dirs.values().stream().distinct().forEach(CgroupFiles::createDirectories);
        Component cgroup = new Component(dirs, cores);
        cgroup.apply(limits);
        return cgroup;
    }

    private static final class Component implements ComponentCgroup {
        private final Map<String, Path> dirs;
        private final int cores;

        Component(Map<String, Path> dirs, int cores) {
            this.dirs = dirs;
            this.cores = cores;
        }

        @Override
        public void apply(ResourceLimits limits) {
            Path memory = dirs.get("memory");
            long bytes = limits.memoryKb().isPresent() ? limits.memoryKb().getAsLong() * 1024 : -1;
            Path limitFile = memory.resolve("memory.limit_in_bytes");
            Path swapFile = memory.resolve("memory.memsw.limit_in_bytes");
            // memory+swap may never be below memory: raise memsw first, lower memory first.
            boolean lowering = bytes != -1 && bytes < CgroupFiles.numberOr(limitFile, Long.MAX_VALUE);
            if (!lowering && Files.exists(swapFile)) {
                CgroupFiles.write(swapFile, Long.toString(bytes));
            }
            CgroupFiles.write(limitFile, Long.toString(bytes));
            if (lowering && Files.exists(swapFile)) {
                CgroupFiles.write(swapFile, Long.toString(bytes));
            }
            Path cpu = dirs.get("cpu");
            CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
            CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(quotaMicros(limits)));
            if (dirs.containsKey("pids")) {
                CgroupFiles.write(dirs.get("pids").resolve("pids.max"),
                        limits.pids().isPresent() ? Long.toString(limits.pids().getAsLong()) : "max");
            }
        }

        private long quotaMicros(ResourceLimits limits) {
            if (limits.cpus().isEmpty() || limits.cpus().getAsDouble() >= cores) {
                return -1;
            }
            return Math.max(1_000, Math.round(limits.cpus().getAsDouble() * PERIOD_MICROS));
        }

        @Override
        public List<Path> procsFiles() {
            List<Path> files = new ArrayList<>();
            dirs.values().stream().distinct().forEach(dir -> files.add(dir.resolve("cgroup.procs")));
            return files;
        }

        @Override
        public ResourceSample sample() {
            Path memory = dirs.get("memory");
            Path cpu = dirs.get("cpu");
            Path cpuacct = dirs.getOrDefault("cpuacct", cpu);
            Path stat = memory.resolve("memory.stat");
            long majorFaults = CgroupFiles.keyed(stat, "total_pgmajfault");
            return new ResourceSample(
                    CgroupFiles.numberOr(memory.resolve("memory.usage_in_bytes"), 0),
                    CgroupFiles.numberOr(memory.resolve("memory.max_usage_in_bytes"), 0),
                    CgroupFiles.numberOr(cpuacct.resolve("cpuacct.usage"), 0),
                    CgroupFiles.keyed(cpu.resolve("cpu.stat"), "nr_periods"),
                    CgroupFiles.keyed(cpu.resolve("cpu.stat"), "nr_throttled"),
                    CgroupFiles.keyed(cpu.resolve("cpu.stat"), "throttled_time"),
                    majorFaults != 0 ? majorFaults : CgroupFiles.keyed(stat, "pgmajfault"),
                    CgroupFiles.keyed(memory.resolve("memory.oom_control"), "oom_kill"));
        }

        @Override
        public void remove() {
            dirs.values().stream().distinct().forEach(CgroupFiles::removeDirectory);
        }
    }
}
