package io.edgetwin.report;

/**
 * The limits that applied to a series' cgroup.
 *
 * @param memoryBytes memory cap; {@code null} when unlimited
 * @param cpus        CPU cap in cores; {@code null} when unlimited
 */
public record SeriesLimits(Long memoryBytes, Double cpus) {

    public SeriesLimits {
        if (memoryBytes != null) {
            Checks.positive("series.limits.memoryBytes", memoryBytes);
        }
        if (cpus != null) {
            Checks.positive("series.limits.cpus", cpus);
        }
    }

    public static SeriesLimits unlimited() {
        return new SeriesLimits(null, null);
    }
}
