package io.edgetwin.simulator.sizing;

import java.util.Arrays;

/**
 * What the sized component used while it served, from its own cgroup's per-second readings: the figures
 * the observation trial at the top of the ranges brackets the search with ({@link Brackets}).
 *
 * @param peakBytes      the highest memory the cgroup reported
 * @param settledBytes   the median memory of the second half of the serving readings: the level it settles at
 * @param meanCpus       cores used on average over the second half of the serving readings
 * @param highCpus       the 95th percentile of the per-second cores used while serving (bursts included)
 * @param throttledShare the share of CFS periods in which the cgroup was throttled while serving (0..1)
 * @param periodCpus     the least quota exceeded in the share of 100 ms periods the SLO allows to be throttled
 *                       ({@code TwinTrialRunner.periodShare}), from the per-period
 *                       demand sampled at the top ({@link CpuPeriods}); 0 when not sampled
 * @param periods        how many 100 ms periods {@code periodCpus} was taken from (0 when not sampled)
 * @param residentBytes  the anonymous resident memory it settled at, read from the host ({@link ResidentMemory});
 *                       0 when not sampled
 */
public record Usage(long peakBytes, long settledBytes, double meanCpus, double highCpus, double throttledShare,
                    double periodCpus, int periods, long residentBytes) {

    /** The fewest sampled periods a per-period estimate is trusted from: 10 s of serving. */
    static final int FEWEST_PERIODS = 100;

    /** Per-second CPU use above this quantile is a burst the bracket's top does not have to cover. */
    static final double HIGH_QUANTILE = 0.95;

    public Usage {
        if (peakBytes < 0 || settledBytes < 0 || meanCpus < 0 || highCpus < 0 || throttledShare < 0 || throttledShare > 1
                || periodCpus < 0 || periods < 0 || residentBytes < 0) {
            throw new IllegalArgumentException("usage figures must not be negative (throttled share 0..1): peak " + peakBytes
                    + ", settled " + settledBytes + ", mean cpus " + meanCpus + ", high cpus " + highCpus
                    + ", throttled " + throttledShare + ", period cpus " + periodCpus + ", periods " + periods
                    + ", resident " + residentBytes);
        }
    }

    /** Figures without a per-period estimate. */
    public Usage(long peakBytes, long settledBytes, double meanCpus, double highCpus, double throttledShare) {
        this(peakBytes, settledBytes, meanCpus, highCpus, throttledShare, 0, 0, 0);
    }

    /** These figures with the per-period estimate {@code periodCpus} taken from {@code periods} periods. */
    public Usage withPeriodCpus(double periodCpus, int periods) {
        return new Usage(peakBytes, settledBytes, meanCpus, highCpus, throttledShare, periodCpus, periods, residentBytes);
    }

    /** These figures with the anonymous resident memory {@code bytes} (0: not sampled). */
    public Usage withResidentBytes(long bytes) {
        return new Usage(peakBytes, settledBytes, meanCpus, highCpus, throttledShare, periodCpus, periods, bytes);
    }

    /**
     * The level readings taken in order settle at: the median of their second half (past a start's page-ins and the
     * JIT's first compiles); 0 without readings.
     */
    static long settledLevel(long[] inOrder) {
        if (inOrder.length == 0) {
            return 0;
        }
        long[] secondHalf = Arrays.copyOfRange(inOrder, inOrder.length / 2, inOrder.length);
        Arrays.sort(secondHalf);
        return secondHalf[secondHalf.length / 2];
    }

    /** Whether the per-period estimate is there and taken from enough periods to bracket the CPU with. */
    public boolean periodsSeen() {
        return periodCpus > 0 && periods >= FEWEST_PERIODS;
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
