package io.edgetwin.report.html;

import io.edgetwin.report.ResourceSamples;

/**
 * A figure read at one sample of a resource series. Rates come from the difference with the previous
 * sample (the counters are cumulative), so the first sample has none ({@code NaN}).
 */
enum SampleMetric {
    MEMORY_MIB {
        @Override
        double at(ResourceSamples s, int i) {
            return s.memoryBytes()[i] / (1024.0 * 1024.0);
        }
    },
    CPU_CORES {
        @Override
        double at(ResourceSamples s, int i) {
            return rate(s, i, s.cpuUsageNanos()) / 1e9;
        }
    },
    THROTTLED_RATIO {
        @Override
        double at(ResourceSamples s, int i) {
            if (i == 0 || s.periods()[i] <= s.periods()[i - 1]) {
                return Double.NaN;
            }
            return (double) (s.throttledPeriods()[i] - s.throttledPeriods()[i - 1]) / (s.periods()[i] - s.periods()[i - 1]);
        }
    },
    MAJOR_FAULTS_PER_SEC {
        @Override
        double at(ResourceSamples s, int i) {
            return rate(s, i, s.majorFaults());
        }
    };

    abstract double at(ResourceSamples samples, int i);

    /** Per second, between sample {@code i - 1} and {@code i}; NaN at the first or when a counter restarted. */
    private static double rate(ResourceSamples s, int i, long[] counter) {
        if (i == 0 || s.tMs()[i] <= s.tMs()[i - 1] || counter[i] < counter[i - 1]) {
            return Double.NaN;
        }
        return (counter[i] - counter[i - 1]) * 1000.0 / (s.tMs()[i] - s.tMs()[i - 1]);
    }
}
