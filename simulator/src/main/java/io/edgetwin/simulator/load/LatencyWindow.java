package io.edgetwin.simulator.load;

import org.HdrHistogram.Histogram;

/**
 * One time window of the measured part (by intended send time): requests due in it, how many of them
 * failed (error answers, unanswered, dropped), and the latencies of the rest in nanoseconds.
 */
public record LatencyWindow(long startMs, long count, long errors, Histogram latencyNanos) {

    public double p50Ms() {
        return percentileMs(50);
    }

    public double p99Ms() {
        return percentileMs(99);
    }

    private double percentileMs(double percentile) {
        return latencyNanos.getTotalCount() == 0 ? 0 : latencyNanos.getValueAtPercentile(percentile) / 1e6;
    }
}
