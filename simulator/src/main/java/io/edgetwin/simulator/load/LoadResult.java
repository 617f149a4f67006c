package io.edgetwin.simulator.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What the measured part of a run produced: counts and the whole latency histogram (nanoseconds, from
 * each request's intended send time). {@code late} counts requests sent more than
 * {@link ConstantRateLoad#LATE_AFTER} after their intended time; their latency still counts from then.
 */
public record LoadResult(long sent, long ok, long failed, long late, long correct, Histogram latencyNanos,
                         Duration measured) {

    public double throughputPerSecond() {
        return ok / (measured.toNanos() / 1e9);
    }
}
