package io.edgetwin.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * When a run counts (LoadGen-style, REFERENCE §7): it measured at least {@code minDuration}, enough
 * answers for every percentile it reports, the load generator stayed under {@code maxGeneratorCpu}
 * of one core, and everything else on the host used at most {@code maxOutsideCpu} of all its cores
 * on average over the measured part (1.0 turns that rule off). {@code percentiles} are reported on
 * top of those the thresholds name.
 */
public record ValidityRules(Duration minDuration, double maxGeneratorCpu, List<Double> percentiles, double maxOutsideCpu) {

    /** Outside CPU allowed by default, as a share of the host's cores (docs/scenarios.md says how it was chosen). */
    public static final double DEFAULT_MAX_OUTSIDE_CPU = 0.25;
    /**
     * Sets this machine's default for {@code validity.maxOutsideCpu} (e.g. {@code 100%} on a shared runner
     * that is never quiet); a scenario's own value still wins.
     */
    public static final String MAX_OUTSIDE_CPU_ENV = "EDGETWIN_MAX_OUTSIDE_CPU";
    public static final ValidityRules DEFAULT = new ValidityRules(Duration.ofSeconds(10), 0.8, List.of(),
            DEFAULT_MAX_OUTSIDE_CPU);

    /** Rules with the default outside-CPU limit. */
    public ValidityRules(Duration minDuration, double maxGeneratorCpu, List<Double> percentiles) {
        this(minDuration, maxGeneratorCpu, percentiles, DEFAULT_MAX_OUTSIDE_CPU);
    }

    /** These rules with {@code share} as {@code maxOutsideCpu}. */
    public ValidityRules withMaxOutsideCpu(double share) {
        return new ValidityRules(minDuration, maxGeneratorCpu, percentiles, share);
    }

    public ValidityRules {
        percentiles = List.copyOf(percentiles);
        if (minDuration.isNegative()) {
            throw new IllegalArgumentException("minDuration " + minDuration + " must not be negative");
        }
        if (!(maxGeneratorCpu > 0) || maxGeneratorCpu > 1) {
            throw new IllegalArgumentException("maxGeneratorCpu " + maxGeneratorCpu + " must be in (0, 1]");
        }
        if (!(maxOutsideCpu > 0) || maxOutsideCpu > 1) {
            throw new IllegalArgumentException("maxOutsideCpu " + maxOutsideCpu + " must be in (0, 1]");
        }
    }

    /** The default for {@code value} of {@link #MAX_OUTSIDE_CPU_ENV}: {@link #DEFAULT_MAX_OUTSIDE_CPU} when unset. */
    public static double machineDefault(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_OUTSIDE_CPU;
        }
        String text = value.trim();
        try {
            double percent = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
            if (percent > 0 && percent <= 100) {
                return percent / 100;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ScenarioException(MAX_OUTSIDE_CPU_ENV + " is '" + value + "'; expected a share of the host's cores above 0%"
                + " and at most 100%, e.g. 100% to turn the interference rule off on a shared machine");
    }

    /** {@code validity.maxOutsideCpu} as written, e.g. {@code 25%}: a share of all the host's cores, above 0 % and at most 100 %. */
    static double outsideCpu(Node node) {
        double percent = Quantities.percent(node);
        if (!(percent > 0) || percent > 100) {
            throw node.error("is " + node.text() + "; expected a share of all the host's cores above 0% and at most 100%,"
                    + " e.g. 25%");
        }
        return percent / 100;
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
