package io.edgetwin.simulator.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The CPU the run itself uses: its twins' container cgroups ({@code cpuacct.usage}, cgroup v1 as
 * Docker's cgroupfs driver lays them out), and processes such as the broker and the harness's own JVM
 * ({@code /proc/<pid>/stat} utime + stime). A source that restarts (the broker after an outage) starts
 * counting from zero again; the total keeps growing. Thread-safe: variants register their twins while
 * another variant's meter reads.
 */
public final class OwnUsage {

    private final Path cgroupRoot;
    private final Path procRoot;
    private final long ticksPerSecond;
    private final List<Source> sources = new ArrayList<>();
    private long total;

    /**
     * @param cgroupRoot     {@code /sys/fs/cgroup}
     * @param procRoot       {@code /proc}
     * @param ticksPerSecond the kernel's USER_HZ ({@code getconf CLK_TCK}, 100 on Linux)
     */
    public OwnUsage(Path cgroupRoot, Path procRoot, long ticksPerSecond) {
        this.cgroupRoot = cgroupRoot;
        this.procRoot = procRoot;
        this.ticksPerSecond = ticksPerSecond;
    }

    public static OwnUsage ofThisHost() {
        return new OwnUsage(Path.of("/sys/fs/cgroup"), Path.of("/proc"), 100);
    }

    /** Counts a Docker container's cgroup from now on. */
    public synchronized void addContainer(String containerId) {
        Path usage = cgroupRoot.resolve("cpuacct/docker").resolve(containerId).resolve("cpuacct.usage");
        sources.add(new Source(() -> cgroupNanos(usage)));
    }

    /** Counts a process from now on; {@code pid} is asked each time, so a restarted process is followed. */
    public synchronized void addProcess(LongSupplier pid) {
        sources.add(new Source(() -> processNanos(pid.getAsLong())));
    }

    /**
     * CPU nanoseconds the run's sources used since they were added, or -1 when some source was never
     * readable (a cgroup v2 host): then the run's own use is unknown and so is everybody else's.
     */
    public synchronized long cpuNanos() {
        for (Source source : sources) {
            long now = source.read();
            if (now < 0 && source.last < 0) {
                return -1;
            }
            if (now >= 0) {
                total += source.last < 0 ? 0 : now >= source.last ? now - source.last : now;
                source.last = now;
            }
        }
        return total;
    }

    private static long cgroupNanos(Path usage) {
        try {
            return Long.parseLong(Files.readString(usage).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of {@code /proc/<pid>/stat}: fields 14 and 15, counted after the command's closing parenthesis. */
    private long processNanos(long pid) {
        try {
            String stat = Files.readString(procRoot.resolve(Long.toString(pid)).resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return ticks * (1_000_000_000L / ticksPerSecond);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static final class Source {
        final LongSupplier reader;
        long last = -1;

        Source(LongSupplier reader) {
            this.reader = reader;
        }

        long read() {
            return reader.getAsLong();
        }
    }
}
