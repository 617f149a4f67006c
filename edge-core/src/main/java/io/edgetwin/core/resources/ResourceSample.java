package io.edgetwin.core.resources;

/**
 * One reading of a component's cgroup: memory now and at peak, CPU time used, CFS periods and how
 * many were throttled (with the time lost), major page faults (a sign of thrashing: pages re-read
 * from disk because memory is short) and the kernel's OOM kill counter.
 */
public record ResourceSample(long memoryBytes, long memoryPeakBytes, long cpuUsageNanos, long periods,
                             long throttledPeriods, long throttledNanos, long majorFaults, long oomKills) {
}
