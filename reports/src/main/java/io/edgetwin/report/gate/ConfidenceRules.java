package io.edgetwin.report.gate;

import java.util.Set;

/**
 * What a threshold with a confidence may say: a comparison of {@code latency.p50} or {@code latency.p99}
 * with the same metric of another variant, scaled only ({@code < 0.5 * unlimited.latency.p99}), with
 * {@code <}, {@code <=}, {@code >} or {@code >=}: the run states those ratios with a bootstrap interval,
 * and nothing else.
 */
final class ConfidenceRules {

    static final Set<String> METRICS = Set.of("latency.p50", "latency.p99");

    private ConfidenceRules() {
    }

    static void require(String expr, Metric metric, Operator operator, Operand bound) {
        String problem = problem(metric, operator, bound);
        if (problem != null) {
            throw new IllegalArgumentException("threshold '" + expr + "': " + problem + "; expected e.g."
                    + " 'latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence'");
        }
    }

    private static String problem(Metric metric, Operator operator, Operand bound) {
        if (!(bound instanceof Operand.Reference reference) || !(reference.source() instanceof Source.OtherVariant)) {
            return "a confidence applies to a comparison with another variant only";
        }
        if (!METRICS.contains(metric.key()) || !reference.metric().key().equals(metric.key())) {
            return "a confidence applies to latency.p50 or latency.p99 compared with the same metric, not "
                    + metric.key() + " with " + reference.describe();
        }
        if (reference.offset() != 0) {
            return "a confidence applies to a ratio; the bound may be scaled but not shifted";
        }
        if (operator == Operator.EQUAL || operator == Operator.NOT_EQUAL) {
            return "a confidence needs <, <=, > or >=, not " + operator.symbol();
        }
        return null;
    }
}
