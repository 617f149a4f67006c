package io.edgetwin.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a variant's measurements can be trusted, MLPerf-LoadGen style: the run lasted its minimum
 * duration, answered enough requests for every percentile it reports (64 for p90, 662 for p99, so
 * that the percentile is not decided by a handful of samples), and the load generator stayed under
 * 80 % of a core (above that its own scheduling delays leak into the latencies).
 *
 * @param valid   true exactly when {@code reasons} is empty
 * @param reasons why the run is invalid, one sentence each
 */
public record Validity(boolean valid, List<String> reasons) {

    /** Answers needed before p90 means something (LoadGen). */
    public static final long MIN_ANSWERS_P90 = 64;
    /** Answers needed before p99 means something (LoadGen). */
    public static final long MIN_ANSWERS_P99 = 662;
    /** The load generator's CPU use, in cores, at or above which latencies include its own delays. */
    public static final double MAX_GENERATOR_CORES = 0.8;

    public Validity {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "validity.reasons"));
        if (valid != reasons.isEmpty()) {
            throw new IllegalArgumentException("validity.valid is " + valid + " with " + reasons.size()
                    + " reasons; expected valid exactly when there are no reasons");
        }
    }

    /** A run whose measurements can be trusted. */
    public static Validity ok() {
        return new Validity(true, List.of());
    }

    /** Invalid for these reasons. */
    public static Validity invalid(String... reasons) {
        return new Validity(false, List.of(reasons));
    }

    /**
     * Applies the rules above.
     *
     * @param answered        requests answered in the measured phase
     * @param measured        how long the measured phase lasted
     * @param minimum         the scenario's minimum measured duration
     * @param generatorCores  CPU the load generator used, in cores (0.5 = half a core)
     */
    public static Validity assess(long answered, Duration measured, Duration minimum, double generatorCores) {
        List<String> reasons = new ArrayList<>();
        if (measured.compareTo(minimum) < 0) {
            reasons.add("measured for " + seconds(measured) + ", below the minimum of " + seconds(minimum));
        }
        if (answered < MIN_ANSWERS_P90) {
            reasons.add(answered + " answers; p90 needs at least " + MIN_ANSWERS_P90);
        }
        if (answered < MIN_ANSWERS_P99) {
            reasons.add(answered + " answers; p99 needs at least " + MIN_ANSWERS_P99);
        }
        if (generatorCores >= MAX_GENERATOR_CORES) {
            reasons.add(String.format(Locale.ROOT, "the load generator used %.2f cores; expected under %.1f,"
                    + " else its own delays show as latency", generatorCores, MAX_GENERATOR_CORES));
        }
        return new Validity(reasons.isEmpty(), reasons);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + " s";
    }
}
