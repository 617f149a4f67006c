package io.edgetwin.simulator.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A twin container's cgroup as the host sees it, on cgroup v1 or v2 with either of Docker's cgroup
 * drivers ({@link CgroupLayout}). Read from the cgroup files, far cheaper than Docker's stats API
 * (a one-shot stats call takes ~1.1 s). The cgroup is found where the container's init process is
 * ({@code /proc/<pid>/cgroup}), else at the drivers' usual places, and found again when it went
 * away (a twin powered off and on gets a new init process, and on systemd a new scope).
 * A reading that cannot be taken says why ({@link Reading.Missed}), naming the places tried or the
 * file that could not be read.
 */
public final class HostCgroup {

    private static final Path SYS_FS_CGROUP = Path.of("/sys/fs/cgroup");

    private final CgroupLayout layout;
    private final Path proc;
    private final java.util.function.Supplier<String> containerId;
    private final LongSupplier pid;
    private ContainerCgroup located;
    private long highestSample;

    /**
     * @param proc the host's {@code /proc}
     * @param pid  the container's init process as the host sees it; 0 when it is not running or not known
     */
    public HostCgroup(CgroupLayout layout, Path proc, String containerId, LongSupplier pid) {
        this(layout, proc, () -> containerId, pid);
    }

    /**
     * A twin whose container may be replaced while it is watched (a swarm task after a power-on or a
     * cap change): {@code containerId} names the current one at each look.
     */
    public HostCgroup(CgroupLayout layout, Path proc, java.util.function.Supplier<String> containerId, LongSupplier pid) {
        this.layout = layout;
        this.proc = proc;
        this.containerId = containerId;
        this.pid = pid;
    }

    /** The container's cgroup on this host, whose layout is detected once per process. */
    public static HostCgroup of(String containerId, LongSupplier pid) {
        return new HostCgroup(HostLayout.LAYOUT, Path.of("/proc"), containerId, pid);
    }

    /** The cgroup of whichever container {@code containerId} names at each look. */
    public static HostCgroup following(java.util.function.Supplier<String> containerId, LongSupplier pid) {
        return new HostCgroup(HostLayout.LAYOUT, Path.of("/proc"), containerId, pid);
    }

    /** What one sampling gave. */
    public sealed interface Reading {
    }

    /**
     * A reading. {@code peakNote} is null when {@code memoryPeakBytes} is the kernel's own peak, else
     * a sentence saying it is the highest sample seen (the kernel keeps no peak).
     */
    public record Taken(ResourceSample sample, String peakNote) implements Reading {
    }

    /** No reading, and why. */
    public record Missed(String reason) implements Reading {
    }

    /** A reading now. */
    public synchronized Reading read(long tMs) {
        if (located == null || !located.exists()) {
            long p = pid.getAsLong();
            Optional<ContainerCgroup> found = locate(p);
            if (found.isEmpty()) {
                return new Missed(notFound(p));
            }
            located = found.get();
        }
        try {
            return taken(located.read(tMs));
        } catch (IOException e) {
            return new Missed(e.getMessage());
        } catch (RuntimeException e) {
            return new Missed("a file in " + located.place() + " is not in the expected format: " + e.getMessage());
        }
    }

    /** Where the container's cgroup is now; empty when it cannot be found (not running, or another machine's). */
    public synchronized Optional<ContainerCgroup> locateNow() {
        return locate(pid.getAsLong());
    }

    /** The caps as the cgroup has them now, e.g. {@code memory 536870912 B, cpus 0.8}; "unreadable" and why when it is gone. */
    public synchronized String caps() {
        long p = pid.getAsLong();
        Optional<ContainerCgroup> found = locate(p);
        if (found.isEmpty()) {
            return "unreadable (" + notFound(p) + ")";
        }
        try {
            return found.get().caps();
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /** Anonymous resident memory of the container's processes now ({@link ContainerCgroup#residentBytes}). */
    public synchronized long residentBytes() throws IOException {
        long p = pid.getAsLong();
        ContainerCgroup found = locate(p).orElseThrow(() -> new IOException(notFound(p)));
        return found.residentBytes();
    }

    private Taken taken(ResourceSample s) {
        highestSample = Math.max(highestSample, s.memoryBytes());
        if (s.memoryPeakBytes() >= 0) {
            return new Taken(s, null);
        }
        return new Taken(new ResourceSample(s.tMs(), s.memoryBytes(), highestSample, s.cpuUsageNanos(), s.throttledPeriods(),
                s.periods(), s.throttledNanos(), s.majorFaults(), s.oomKills()), "memory.peak is absent in "
                + located.place() + " (a kernel before Linux 5.19): the peak is the highest 1 s sample, which can miss a spike");
    }

    /** Where the container's cgroup is now, asking Docker for its init process {@code p} once per look. */
    private Optional<ContainerCgroup> locate(long p) {
        return candidates(p).stream().filter(ContainerCgroup::exists).findFirst();
    }

    private List<ContainerCgroup> candidates(long p) {
        List<ContainerCgroup> candidates = new ArrayList<>();
        // Docker names every container's cgroup after its id, whatever the driver or parent; a pid
        // whose cgroup does not is another machine's (a remote daemon), not this container's.
        String id = containerId.get();
        procCgroup(p).flatMap(layout::fromProc).filter(c -> c.place().toString().contains(id))
                .ifPresent(candidates::add);
        candidates.addAll(layout.usualPlaces(id));
        return candidates;
    }

    private Optional<String> procCgroup(long p) {
        if (p <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(proc.resolve(Long.toString(p)).resolve("cgroup")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String notFound(long p) {
        String from = p <= 0 ? "the container has no running init process" : "its init process " + p
                + (procCgroup(p).isPresent() ? "" : ", whose " + proc.resolve(Long.toString(p)).resolve("cgroup") + " is unreadable");
        return "cgroup " + layout.version() + " of container " + shortId() + " not found at "
                + String.join(", ", candidates(p).stream().map(c -> c.place().toString()).toList()) + " (" + from + ")";
    }

    private String shortId() {
        String id = containerId.get();
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The host's layout, detected on first use. */
    private static final class HostLayout {
        static final CgroupLayout LAYOUT = CgroupLayout.detect(SYS_FS_CGROUP);
    }
}
