package io.edgetwin.report;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A series of {@link ResourceSample}s stored by column: report.json keeps one array per field, which
 * is several times smaller than an object per sample (32 twins × 5 min of 1 s samples is
 * ~10,000 samples per series kind). Every column has one entry per sample, in time order.
 */
public record ResourceSamples(long[] tMs, long[] memoryBytes, long[] memoryPeakBytes, long[] cpuUsageNanos,
                              long[] throttledPeriods, long[] periods, long[] throttledNanos, long[] majorFaults,
                              long[] oomKills) {

    public ResourceSamples {
        Objects.requireNonNull(tMs, "samples.tMs");
        int size = tMs.length;
        sameSize("memoryBytes", memoryBytes, size);
        sameSize("memoryPeakBytes", memoryPeakBytes, size);
        sameSize("cpuUsageNanos", cpuUsageNanos, size);
        sameSize("throttledPeriods", throttledPeriods, size);
        sameSize("periods", periods, size);
        sameSize("throttledNanos", throttledNanos, size);
        sameSize("majorFaults", majorFaults, size);
        sameSize("oomKills", oomKills, size);
        for (int i = 1; i < size; i++) {
            if (tMs[i] < tMs[i - 1]) {
                throw new IllegalArgumentException("samples.tMs[" + i + "] is " + tMs[i] + "; expected >= "
                        + tMs[i - 1] + " (samples in time order)");
            }
        }
    }

    /** The samples, by column. */
    public static ResourceSamples of(List<ResourceSample> rows) {
        int n = rows.size();
        long[][] c = new long[9][n];
        for (int i = 0; i < n; i++) {
            ResourceSample s = rows.get(i);
            c[0][i] = s.tMs();
            c[1][i] = s.memoryBytes();
            c[2][i] = s.memoryPeakBytes();
            c[3][i] = s.cpuUsageNanos();
            c[4][i] = s.throttledPeriods();
            c[5][i] = s.periods();
            c[6][i] = s.throttledNanos();
            c[7][i] = s.majorFaults();
            c[8][i] = s.oomKills();
        }
        return new ResourceSamples(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    }

    public int size() {
        return tMs.length;
    }

    /** The {@code i}-th sample as a row. */
    public ResourceSample get(int i) {
        return new ResourceSample(tMs[i], memoryBytes[i], memoryPeakBytes[i], cpuUsageNanos[i], throttledPeriods[i],
                periods[i], throttledNanos[i], majorFaults[i], oomKills[i]);
    }

    private static void sameSize(String column, long[] values, int size) {
        Objects.requireNonNull(values, "samples." + column);
        if (values.length != size) {
            throw new IllegalArgumentException("samples." + column + " has " + values.length
                    + " entries; expected " + size + " (one per entry of samples.tMs)");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceSamples that && Arrays.equals(tMs, that.tMs)
                && Arrays.equals(memoryBytes, that.memoryBytes) && Arrays.equals(memoryPeakBytes, that.memoryPeakBytes)
                && Arrays.equals(cpuUsageNanos, that.cpuUsageNanos)
                && Arrays.equals(throttledPeriods, that.throttledPeriods) && Arrays.equals(periods, that.periods)
                && Arrays.equals(throttledNanos, that.throttledNanos) && Arrays.equals(majorFaults, that.majorFaults)
                && Arrays.equals(oomKills, that.oomKills);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tMs) * 31 + Arrays.hashCode(memoryBytes);
    }

    @Override
    public String toString() {
        return "ResourceSamples[" + size() + " samples]";
    }
}
