package io.edgetwin.simulator.measure;

/**
 * One reading of a cgroup, {@code tMs} since the start of the measured part. Counters are cumulative
 * since the cgroup was created (a restarted twin keeps its container cgroup; a restarted component
 * gets a new one).
 */
public record ResourceSample(long tMs, long memoryBytes, long memoryPeakBytes, long cpuUsageNanos, long throttledPeriods,
                             long periods, long throttledNanos, long majorFaults, long oomKills) {
}
