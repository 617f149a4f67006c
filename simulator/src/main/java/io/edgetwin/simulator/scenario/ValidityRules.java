package io.edgetwin.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * When a run counts (LoadGen-style, REFERENCE §7): it measured at least {@code minDuration}, enough
 * answers for every percentile it reports, and the load generator stayed under {@code maxGeneratorCpu}
 * of one core. {@code percentiles} are reported on top of those the thresholds name.
 */
public record ValidityRules(Duration minDuration, double maxGeneratorCpu, List<Double> percentiles) {

    public static final ValidityRules DEFAULT = new ValidityRules(Duration.ofSeconds(10), 0.8, List.of());

    public ValidityRules {
        percentiles = List.copyOf(percentiles);
        if (minDuration.isNegative()) {
            throw new IllegalArgumentException("minDuration " + minDuration + " must not be negative");
        }
        if (!(maxGeneratorCpu > 0) || maxGeneratorCpu > 1) {
            throw new IllegalArgumentException("maxGeneratorCpu " + maxGeneratorCpu + " must be in (0, 1]");
        }
    }

    /**
     * Answers needed to report a percentile at 99 % confidence with zero tolerance (MLPerf LoadGen):
     * 64 up to p90, 662 up to p99, 6,636 up to p99.9.
     */
    public static long minimumQueries(double percentile) {
        if (percentile <= 90) {
            return 64;
        }
        if (percentile <= 99) {
            return 662;
        }
        if (percentile <= 99.9) {
            return 6636;
        }
        throw new IllegalArgumentException("p" + percentile + " needs more than p99.9; expected at most p99.9");
    }
}
