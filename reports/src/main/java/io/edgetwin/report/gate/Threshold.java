package io.edgetwin.report.gate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A parsed threshold, k6-style: {@code <metric> <op> <number>[unit]}, e.g.
 * {@code latency.p99 < 50ms}, {@code errors.rate <= 0.1%}, {@code oomKills.component[ml.Inference] == 0}.
 * Parsing needs no run, so a scenario's thresholds can be checked before any twin starts.
 *
 * @param expr       the expression as written, kept for reports
 * @param limit      the number converted to the metric's {@link io.edgetwin.report.BaseUnit}
 *                   ({@code 1s} becomes 1000 ms, {@code 0.1%} becomes 0.001)
 */
public record Threshold(String expr, Metric metric, Comparison comparison, double limit) {

    public Threshold {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        if (!Double.isFinite(limit) || limit < 0) {
            throw new IllegalArgumentException("threshold '" + expr + "': limit is " + limit
                    + "; expected a finite number >= 0");
        }
    }

    /** @throws ThresholdException quoting {@code expr} and saying what is wrong and what is accepted */
    public static Threshold parse(String expr) {
        return ThresholdParser.parse(expr);
    }

    /**
     * Parses every expression; when some are bad, one exception lists each refusal on its own line,
     * so a scenario author fixes them all in one go.
     */
    public static List<Threshold> parseAll(Collection<String> exprs) {
        List<Threshold> parsed = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (String expr : exprs) {
            try {
                parsed.add(parse(expr));
            } catch (ThresholdException e) {
                refusals.add(e.getMessage());
            }
        }
        if (refusals.size() == 1) {
            throw new ThresholdException(refusals.get(0));
        }
        if (!refusals.isEmpty()) {
            throw new ThresholdException(refusals.size() + " bad thresholds:\n  " + String.join("\n  ", refusals));
        }
        return List.copyOf(parsed);
    }

    /** The metrics a threshold may name, as listed in error messages. */
    public static String knownMetrics() {
        return ThresholdParser.knownMetrics();
    }

    /** Whether {@code actual} (in the metric's base unit) satisfies this threshold. */
    public boolean holdsFor(double actual) {
        return comparison.holds(actual, limit);
    }
}
