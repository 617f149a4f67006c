package io.edgetwin.simulator.sizing;

/**
 * What the sized component used while it served, from its own cgroup's per-second readings: the figures
 * the observation trial at the top of the ranges brackets the search with ({@link Brackets}).
 *
 * @param peakBytes      the highest memory the cgroup reported
 * @param settledBytes   the median memory of the second half of the serving readings: the level it settles at
 * @param meanCpus       cores used on average over the second half of the serving readings
 * @param highCpus       the 95th percentile of the per-second cores used while serving (bursts included)
 * @param throttledShare the share of CFS periods in which the cgroup was throttled while serving (0..1)
 */
public record Usage(long peakBytes, long settledBytes, double meanCpus, double highCpus, double throttledShare) {

    /** Per-second CPU use above this quantile is a burst the bracket's top does not have to cover. */
    static final double HIGH_QUANTILE = 0.95;

    public Usage {
        if (peakBytes < 0 || settledBytes < 0 || meanCpus < 0 || highCpus < 0 || throttledShare < 0 || throttledShare > 1) {
            throw new IllegalArgumentException("usage figures must not be negative (throttled share 0..1): peak " + peakBytes
                    + ", settled " + settledBytes + ", mean cpus " + meanCpus + ", high cpus " + highCpus
                    + ", throttled " + throttledShare);
        }
    }

    /** Nothing measured: the search then bisects the whole ranges. */
    public static Usage none() {
        return new Usage(0, 0, 0, 0, 0);
    }

    /** Whether there are figures to bracket with: a memory level and some CPU use. */
    public boolean seen() {
        return settledBytes > 0 && peakBytes > 0 && meanCpus > 0 && highCpus > 0;
    }
}
