package io.edgetwin.report;

/**
 * One reading of a cgroup (a component's own, or the twin's container as the host sees it). The
 * counters are cumulative since the cgroup was created, as the kernel keeps them.
 *
 * @param tMs              ms since load start
 * @param memoryBytes      memory.current
 * @param memoryPeakBytes  memory.peak
 * @param cpuUsageNanos    cpu.stat usage_usec, in ns
 * @param throttledPeriods cpu.stat nr_throttled
 * @param periods          cpu.stat nr_periods
 * @param throttledNanos   cpu.stat throttled_usec, in ns
 * @param majorFaults      memory.stat pgmajfault
 * @param oomKills         memory.events oom_kill
 */
public record ResourceSample(long tMs, long memoryBytes, long memoryPeakBytes, long cpuUsageNanos,
                             long throttledPeriods, long periods, long throttledNanos, long majorFaults,
                             long oomKills) {
}
