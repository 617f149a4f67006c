package io.edgetwin.core.resources;

import java.nio.file.Path;
import java.util.List;

/**
 * Component cgroups on cgroup v2 (one unified hierarchy). v2 forbids processes in a cgroup whose
 * controllers are delegated to children, so the core first moves every process of the twin's own
 * cgroup into a leaf {@code core}, then enables {@code +cpu +memory +pids} for the children and
 * creates {@code edgetwin/<component>} (REFERENCE §4).
 */
public final class CgroupV2 implements ComponentCgroups {

    private static final String CONTROLLERS = "+cpu +memory +pids";

    private final Path parent;
    private final int cores;

    private CgroupV2(Path parent, int cores) {
        this.parent = parent;
        this.cores = cores;
    }

    /**
     * Mounts the unified hierarchy under {@code mountRoot} (the container's own view is read-only) and
     * prepares {@code edgetwin/} beneath the twin's own cgroup.
     *
     * @param procSelfCgroup the text of {@code /proc/self/cgroup} ({@code 0::/path})
     */
    public static CgroupV2 mount(Path mountRoot, String procSelfCgroup, Mounter mounter, int cores) {
        if (!java.nio.file.Files.exists(mountRoot.resolve("cgroup.procs"))) {
            mounter.mount("cgroup2", "", mountRoot);
        }
        String path = procSelfCgroup.lines().filter(l -> l.startsWith("0::")).findFirst()
                .orElseThrow(() -> new EnforcementException("no cgroup v2 entry (0::) in /proc/self/cgroup"))
                .substring(3);
        Path own = mountRoot.resolve(path.replaceFirst("^/", ""));
        Path core = own.resolve("core");
        CgroupFiles.createDirectories(core);
        for (String pid : CgroupFiles.text(own.resolve("cgroup.procs")).split("\n")) {
            if (!pid.isBlank()) {
                CgroupFiles.write(core.resolve("cgroup.procs"), pid.trim());
            }
        }
        CgroupFiles.write(own.resolve("cgroup.subtree_control"), CONTROLLERS);
        Path parent = own.resolve("edgetwin");
        CgroupFiles.createDirectories(parent);
        CgroupFiles.write(parent.resolve("cgroup.subtree_control"), CONTROLLERS);
        return new CgroupV2(parent, cores);
    }

    @Override
    public String version() {
        return "v2";
    }

    @Override
    public ComponentCgroup create(String component, ResourceLimits limits) {
        Path dir = parent.resolve(component);
        CgroupFiles.createDirectories(dir);
        Component cgroup = new Component(dir, cores);
        cgroup.apply(limits);
        return cgroup;
    }

    private record Component(Path dir, int cores) implements ComponentCgroup {

        @Override
        public void apply(ResourceLimits limits) {
            String memory = limits.memoryKb().isPresent() ? Long.toString(limits.memoryKb().getAsLong() * 1024) : "max";
            CgroupFiles.write(dir.resolve("memory.max"), memory);
            CgroupFiles.write(dir.resolve("memory.swap.max"), limits.memoryKb().isPresent() ? "0" : "max");
            boolean unlimited = limits.cpus().isEmpty() || limits.cpus().getAsDouble() >= cores;
            String quota = unlimited ? "max"
                    : Long.toString(Math.max(1_000, Math.round(limits.cpus().getAsDouble() * CgroupV1.PERIOD_MICROS)));
            CgroupFiles.write(dir.resolve("cpu.max"), quota + " " + CgroupV1.PERIOD_MICROS);
            CgroupFiles.write(dir.resolve("pids.max"),
                    limits.pids().isPresent() ? Long.toString(limits.pids().getAsLong()) : "max");
        }

        @Override
        public List<Path> procsFiles() {
            return List.of(dir.resolve("cgroup.procs"));
        }

        @Override
        public ResourceSample sample() {
            Path cpuStat = dir.resolve("cpu.stat");
            return new ResourceSample(
                    CgroupFiles.numberOr(dir.resolve("memory.current"), 0),
                    CgroupFiles.numberOr(dir.resolve("memory.peak"), 0),
                    CgroupFiles.keyed(cpuStat, "usage_usec") * 1_000,
                    CgroupFiles.keyed(cpuStat, "nr_periods"),
                    CgroupFiles.keyed(cpuStat, "nr_throttled"),
                    CgroupFiles.keyed(cpuStat, "throttled_usec") * 1_000,
                    CgroupFiles.keyed(dir.resolve("memory.stat"), "pgmajfault"),
                    CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill"));
        }

        @Override
        public void remove() {
            CgroupFiles.removeDirectory(dir);
        }
    }
}
