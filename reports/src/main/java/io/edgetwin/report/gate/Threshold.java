package io.edgetwin.report.gate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed threshold, k6-style: {@code <metric> <op> <bound>}, where the bound is a number with a unit
 * ({@code latency.p99 < 50ms}, {@code errors.rate <= 0.1%}) or another measurement, scaled or shifted
 * ({@code latency.p99 < 0.5 * unlimited.latency.p99}, {@code oomKills.device <= unlimited.oomKills.device},
 * {@code errors.rate <= baseline.errors.rate + 0.5%}). Parsing needs no run, so a scenario's thresholds can
 * be checked before any twin starts; which variants a comparison names is checked by
 * {@link References#problems}.
 *
 * @param expr     the expression as written, kept for reports
 * @param operator how the metric must relate to the bound
 * @param bound    a {@link Operand.Constant} already in the metric's {@link io.edgetwin.report.BaseUnit}
 *                 ({@code 1s} becomes 1000 ms, {@code 0.1%} becomes 0.001), or a {@link Operand.Reference}
 *                 of the same unit
 * @param confidence for a comparison written {@code ... with 95% confidence}, the confidence its ratio
 *                   must hold with ({@link Confidence}); {@code null} for every other threshold
 */
public record Threshold(String expr, Metric metric, Operator operator, Operand bound, Confidence confidence) {

    public Threshold {
        Objects.requireNonNull(expr, "expr");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(bound, "bound");
        if (bound instanceof Operand.Reference reference && reference.unit() != metric.unit()) {
            throw new IllegalArgumentException("threshold '" + expr + "': " + metric.key() + " is in " + metric.unit()
                    + " but " + reference.describe() + " is in " + reference.unit() + "; expected the same unit");
        }
        if (confidence != null) {
            ConfidenceRules.require(expr, metric, operator, bound);
        }
    }

    /** A threshold without a confidence. */
    public Threshold(String expr, Metric metric, Operator operator, Operand bound) {
        this(expr, metric, operator, bound, null);
    }

    /** A threshold against a fixed limit in the metric's base unit. */
    public Threshold(String expr, Metric metric, Operator operator, double limit) {
        this(expr, metric, operator, new Operand.Constant(limit));
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

    /** The other measurement this threshold compares with, if it is a comparison. */
    public Optional<Operand.Reference> reference() {
        return bound instanceof Operand.Reference reference ? Optional.of(reference) : Optional.empty();
    }

    /** Whether the bound is read from another variant or the baseline run (not from the variant itself). */
    public boolean readsOtherRuns() {
        return reference().filter(reference -> !(reference.source() instanceof Source.Own)).isPresent();
    }

    /**
     * The fixed limit, in the metric's base unit.
     *
     * @throws IllegalStateException when the threshold is a comparison, whose bound is only known after a run
     */
    public double limit() {
        if (bound instanceof Operand.Constant constant) {
            return constant.value();
        }
        throw new IllegalStateException("threshold '" + expr + "' compares with " + ((Operand.Reference) bound).describe()
                + "; it has no fixed limit");
    }

    /** Whether {@code actual} satisfies this threshold against {@code limit}, both in the metric's base unit. */
    public boolean holds(double actual, double limit) {
        return operator.holds(actual, limit);
    }

    /** Whether {@code actual} satisfies a threshold with a fixed limit. */
    public boolean holdsFor(double actual) {
        return holds(actual, limit());
    }
}
