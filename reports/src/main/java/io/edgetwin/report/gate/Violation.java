package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import java.util.Objects;

/**
 * A threshold that did not hold: which metric, the limit it had to meet and what was measured,
 * both in {@code unit}.
 *
 * @param limit  the bound it had to meet; {@code null} when a comparison's other side had no value
 * @param actual {@code null} when the run gave the metric no value (errors.rate with nothing sent)
 */
public record Violation(String metric, Operator comparison, Double limit, Double actual, BaseUnit unit) {

    public Violation {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(unit, "unit");
    }

    /** E.g. {@code latency.p99 was 62.5 ms; expected < 50.0 ms}. */
    public String describe() {
        String measured = actual == null ? "has no value for this run" : "was " + actual + " " + unit;
        return metric + " " + measured + "; expected " + comparison.symbol() + " "
                + (limit == null ? "a bound that had no value" : limit + " " + unit);
    }
}
