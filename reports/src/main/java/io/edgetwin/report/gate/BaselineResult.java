package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import java.util.Objects;

/**
 * One tolerance checked for one variant against the baseline run.
 *
 * @param baseline the baseline's value; {@code null} when it has none
 * @param actual   this run's value; {@code null} when it has none (either missing fails)
 * @param allowed  the worst value the tolerance allowed; {@code null} without a baseline value
 */
public record BaselineResult(String variant, String expr, Double baseline, Double actual, Double allowed,
                             BaseUnit unit, boolean passed) {

    public BaselineResult {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(unit, "unit");
    }

    /** E.g. {@code latency.p99 was 61.2 ms against a baseline of 38.5 ms; expected at most 42.35 ms}. */
    public String describe() {
        if (baseline == null || actual == null) {
            return "'" + expr + "': " + (baseline == null ? "the baseline" : "this run") + " has no value";
        }
        return "'" + expr + "': was " + Numbers.format(actual) + " " + unit + " against a baseline of "
                + Numbers.format(baseline) + " " + unit + "; expected " + (allowed >= baseline ? "at most " : "at least ")
                + Numbers.format(allowed) + " " + unit;
    }
}
