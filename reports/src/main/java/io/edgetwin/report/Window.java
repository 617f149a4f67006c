package io.edgetwin.report;

import java.util.Objects;

/**
 * One time window of a variant's load phase (1 s by default): what was answered in it and the
 * window's own latency histogram.
 *
 * @param startMs   window start, ms since load start
 * @param count     requests answered in the window (ok or failed)
 * @param errors    of those, failed
 * @param p50Ms     median latency of the window, ms
 * @param p99Ms     99th percentile latency of the window, ms
 * @param histogram the window's whole latency histogram (ns)
 */
public record Window(long startMs, long count, long errors, double p50Ms, double p99Ms, EncodedHistogram histogram) {

    public Window {
        Checks.nonNegative("windows.startMs", startMs);
        Checks.nonNegative("windows.count", count);
        Checks.nonNegative("windows.errors", errors);
        Checks.nonNegative("windows.p50Ms", p50Ms);
        Checks.nonNegative("windows.p99Ms", p99Ms);
        Objects.requireNonNull(histogram, "windows.histogram");
        if (errors > count) {
            throw new IllegalArgumentException("windows.errors " + errors + " at " + startMs
                    + " ms; expected <= windows.count " + count);
        }
    }
}
