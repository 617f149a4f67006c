package io.edgetwin.report;

/**
 * Latency percentiles in milliseconds, measured from each request's intended send time (so a
 * stalled twin's backlog shows up here rather than hiding). The histogram itself lives in the
 * simulator; this is its summary.
 */
public record LatencySummary(double p50, double p90, double p99, double max, double mean) {

    private static final double NANOS_PER_MICRO = 1_000.0;

    public LatencySummary {
        Checks.nonNegative("latencyMs.p50", p50);
        Checks.nonNegative("latencyMs.p90", p90);
        Checks.nonNegative("latencyMs.p99", p99);
        Checks.nonNegative("latencyMs.max", max);
        Checks.nonNegative("latencyMs.mean", mean);
        ascending("latencyMs.p50", p50, "latencyMs.p90", p90);
        ascending("latencyMs.p90", p90, "latencyMs.p99", p99);
        ascending("latencyMs.p99", p99, "latencyMs.max", max);
        ascending("latencyMs.mean", mean, "latencyMs.max", max);
    }

    /** The summary of a variant that answered no request: all zero. */
    public static LatencySummary none() {
        return new LatencySummary(0, 0, 0, 0, 0);
    }

    /**
     * From a histogram's values in nanoseconds, each rounded to 3 decimals of a millisecond (1 µs),
     * which is finer than any HdrHistogram setting the simulator uses.
     */
    public static LatencySummary fromNanos(long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos,
                                           double meanNanos) {
        return new LatencySummary(millis(p50Nanos), millis(p90Nanos), millis(p99Nanos),
                millis(maxNanos), millis(meanNanos));
    }

    private static double millis(double nanos) {
        return Math.round(nanos / NANOS_PER_MICRO) / NANOS_PER_MICRO;
    }

    private static void ascending(String lowName, double low, String highName, double high) {
        if (low > high) {
            throw new IllegalArgumentException(lowName + " is " + low + "; expected <= " + highName + " " + high);
        }
    }
}
