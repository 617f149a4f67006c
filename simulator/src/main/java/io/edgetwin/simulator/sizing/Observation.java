package io.edgetwin.simulator.sizing;

/**
 * What the sized component's own cgroup showed during a trial, from the core's status messages.
 *
 * @param seen               whether any status carried the component's cgroup readings
 * @param oomKills           the highest OOM kill count its cgroup reported
 * @param peakBytes          the highest memory peak its cgroup reported
 * @param majorFaultsPerSec  major page faults per second from the first status where it was ready (or the
 *                           first status at all, if it never got ready) to the last
 * @param usage              memory and CPU use while it served ({@link Usage#none()} when too few readings)
 */
public record Observation(boolean seen, long oomKills, long peakBytes, double majorFaultsPerSec, Usage usage) {

    public Observation {
        usage = usage == null ? Usage.none() : usage;
    }

    public Observation(boolean seen, long oomKills, long peakBytes, double majorFaultsPerSec) {
        this(seen, oomKills, peakBytes, majorFaultsPerSec, Usage.none());
    }

    /** This observation with {@code usage} instead of its own. */
    public Observation withUsage(Usage usage) {
        return new Observation(seen, oomKills, peakBytes, majorFaultsPerSec, usage);
    }

    public static Observation none() {
        return new Observation(false, 0, 0, 0);
    }
}
