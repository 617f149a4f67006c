package io.edgetwin.report;

import java.util.Objects;

/**
 * One threshold checked against one variant.
 *
 * @param expr       the expression as the scenario wrote it, e.g. {@code latency.p99 < 50ms}
 * @param actual     the measured value in the metric's base unit ({@code unit}); {@code null} when the
 *                   metric has no value for this run (errors.rate when nothing was sent), which always
 *                   fails
 * @param unit       the base unit of {@code actual}
 * @param passed     whether the threshold held
 * @param comparison for a threshold that compares with another variant or the baseline run, the other
 *                   side as checked; {@code null} for a threshold with a fixed limit
 * @param ratioCheck for a comparison with a confidence, how its bootstrap interval decided it; {@code null}
 *                   for every other threshold
 */
public record ThresholdResult(String expr, Double actual, BaseUnit unit, boolean passed, Comparison comparison,
                              RatioCheck ratioCheck) {

    public ThresholdResult {
        Checks.name("thresholds.expr", expr);
        Objects.requireNonNull(unit, "thresholds.unit");
        if (actual != null && !Double.isFinite(actual)) {
            throw new IllegalArgumentException("thresholds.actual of '" + expr + "' is " + actual
                    + "; expected a finite number or null");
        }
        if (actual == null && passed) {
            throw new IllegalArgumentException("threshold '" + expr
                    + "' passed without an actual value; expected passed=false when actual is null");
        }
        if (comparison != null && comparison.limit() == null && passed) {
            throw new IllegalArgumentException("threshold '" + expr
                    + "' passed without a value to compare with; expected passed=false when comparison.value is null");
        }
    }

    /** A threshold with a fixed limit. */
    public ThresholdResult(String expr, Double actual, BaseUnit unit, boolean passed) {
        this(expr, actual, unit, passed, null, null);
    }

    /** A threshold without a confidence. */
    public ThresholdResult(String expr, Double actual, BaseUnit unit, boolean passed, Comparison comparison) {
        this(expr, actual, unit, passed, comparison, null);
    }

    /** This result decided by {@code check} instead of by the values alone. */
    public ThresholdResult decidedBy(RatioCheck check, boolean held) {
        return new ThresholdResult(expr, actual, unit, held && actual != null
                && (comparison == null || comparison.limit() != null), comparison, check);
    }

    /**
     * What was measured, in words: {@code it was 38.5 ms}, {@code no value for this run}, and for a
     * comparison the bound beside it: {@code it was 30 ms; the bound was 24.75 ms, from unlimited's latency.p99 of 49.5 ms}.
     */
    public String outcome() {
        String measured = actual == null ? "no value for this run" : "it was " + unit.format(actual);
        if (comparison == null) {
            return measured;
        }
        String confidence = ratioCheck == null ? "" : ratioCheck.sentence() + "; ";
        return measured + "; " + confidence + (comparison.limit() == null ? comparison.against() + "'s " + comparison.metric()
                + " had no value to compare with" : "the bound was " + unit.format(comparison.limit()) + ", from "
                + comparison.against() + "'s " + comparison.metric() + " of " + unit.format(comparison.value()));
    }
}
