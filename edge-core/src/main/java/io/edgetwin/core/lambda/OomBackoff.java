package io.edgetwin.core.lambda;

import java.time.Duration;

/**
 * When a function's memory size OOM-kills one of its instances, the function starts no instance for
 * {@code quiet} and from then on runs at most as many instances as survived the kill (at least one).
 * <p>Why: on cgroup v1 the kernel marks the victim and lets the oom_reaper free its memory only ~2 s
 * later when it does not exit at once; meanwhile every other task of the cgroup that allocates retries
 * its charge in the kernel, where a CPU quota does not hold it (Linux 6.18 throttles at the return to
 * user space). Those seconds of kernel time are charged to the device's cgroup too and can use up the
 * whole device's CPU quota, so everything on the device stalls. Each JVM started into the full cgroup
 * is one more such task, and scaling back to the count that was OOM-killed brings the next kill.
 * Not thread-safe: its function calls it under its own lock.
 */
final class OomBackoff {

    private final Duration quiet;
    private long seenKills;
    private int ceiling = Integer.MAX_VALUE;
    private boolean killed;
    private long quietUntilNanos;

    /** @param killsAtStart the OOM kill counter of the function's cgroup when the function starts */
    OomBackoff(Duration quiet, long killsAtStart) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("OOM back-off must not be negative: " + quiet);
        }
        this.quiet = quiet;
        this.seenKills = killsAtStart;
    }

    /**
     * Whether one more instance may start now, {@code instances} running (the victims of kills the
     * counter shows but whose pipes are still open counted among them).
     *
     * @param kills the cgroup's OOM kill counter now
     * @return false while quiet after a kill, or at the ceiling the kills left
     */
    boolean mayStart(int instances, long kills, long nowNanos) {
        if (kills > seenKills) {
            long fresh = kills - seenKills;
            seenKills = kills;
            ceiling = (int) Math.max(1, Math.min(ceiling, instances - fresh));
            quietUntilNanos = nowNanos + quiet.toNanos();
            killed = true;
        }
        return (!killed || nowNanos - quietUntilNanos >= 0) && instances < ceiling;
    }

    /** How long until instances may start again; zero when not quiet. */
    Duration quietFor(long nowNanos) {
        return killed ? Duration.ofNanos(Math.max(0, quietUntilNanos - nowNanos)) : Duration.ZERO;
    }

    /** The most instances the function may run after its kills; {@link Integer#MAX_VALUE} before any. */
    int ceiling() {
        return ceiling;
    }
}
