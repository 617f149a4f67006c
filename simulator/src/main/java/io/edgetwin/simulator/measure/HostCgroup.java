package io.edgetwin.simulator.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A twin container's cgroup v1 files as the host sees them ({@code /sys/fs/cgroup/<controller>/docker/<id>/},
 * Docker's cgroupfs driver): far cheaper than {@code docker stats} (~1.1 s a call).
 */
public final class HostCgroup {

    private final Path memory;
    private final Path cpu;
    private final Path cpuacct;

    public HostCgroup(Path root, String containerId) {
        this.memory = root.resolve("memory/docker").resolve(containerId);
        this.cpu = root.resolve("cpu/docker").resolve(containerId);
        this.cpuacct = root.resolve("cpuacct/docker").resolve(containerId);
    }

    public static HostCgroup of(String containerId) {
        return new HostCgroup(Path.of("/sys/fs/cgroup"), containerId);
    }

    /** A reading now, or null when the cgroup is not there (the container is down, or a cgroup v2 host). */
    public ResourceSample read(long tMs) {
        try {
            String cpuStat = Files.readString(cpu.resolve("cpu.stat"));
            return new ResourceSample(tMs, number(memory.resolve("memory.usage_in_bytes")),
                    number(memory.resolve("memory.max_usage_in_bytes")), number(cpuacct.resolve("cpuacct.usage")),
                    field(cpuStat, "nr_throttled"), field(cpuStat, "nr_periods"), field(cpuStat, "throttled_time"),
                    field(Files.readString(memory.resolve("memory.stat")), "total_pgmajfault"),
                    field(Files.readString(memory.resolve("memory.oom_control")), "oom_kill"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The caps as the cgroup has them now, e.g. {@code memory 536870912 B, cpus 0.8}; "unreadable" when it is gone. */
    public String caps() {
        try {
            long memoryLimit = number(memory.resolve("memory.limit_in_bytes"));
            long quota = number(cpu.resolve("cpu.cfs_quota_us"));
            long period = number(cpu.resolve("cpu.cfs_period_us"));
            return "memory " + memoryLimit + " B, cpus " + (quota <= 0 ? "unlimited" : Double.toString((double) quota / period));
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    private static long number(Path file) throws IOException {
        return Long.parseLong(Files.readString(file).trim());
    }

    /** The value of {@code key} in a "key value" per line file; 0 when the kernel does not have it. */
    static long field(String text, String key) {
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return Long.parseLong(parts[1]);
            }
        }
        return 0;
    }
}
