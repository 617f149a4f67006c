package io.edgetwin.simulator.sizing;

import io.edgetwin.report.gate.Operand;
import io.edgetwin.report.gate.Operator;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.VariantMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Decides, while a trial's load still runs, that an SLO is already lost: more answers are over its bound than
 * the rest of the planned requests could rescue (docs/sizing.md, "Early stop"). Only a certain loss decides:
 * whatever the remaining requests do, the report of the whole load would miss the SLO, and so would the report
 * of the load stopped now. SLOs it can decide: {@code latency.p50/p90/p99/max} and {@code errors.rate}, each
 * with {@code <} or {@code <=} against a number; any other SLO is left to the report.
 *
 * <p>A percentile {@code pQ < B} of {@code n} answers is the ({@code ceil(Q × n / 100)})-th smallest, so it
 * holds only while at most {@code n - ceil(Q × n / 100)} answers are over {@code B}; that allowance grows with
 * {@code n}, and {@code n} is at most the planned requests less those already failed. p99 over 2,400 planned
 * requests allows 24 answers over the bound: the 25th decides. An answer counts as over only when its whole
 * histogram bucket lies more than a microsecond above the bound (the report rounds to microseconds), so a
 * decision never comes before the report would miss. {@code errors.rate < R} is lost once
 * {@code failed / planned} already fails it: the final rate can only be higher.
 */
final class SloLoss {

    /** Answers this far above the bound still round to it in the report; only answers beyond it count as over. */
    private static final long REPORT_ROUNDING_NANOS = 1_000;

    private final List<Rule> rules;
    private final long planned;

    private SloLoss(List<Rule> rules, long planned) {
        this.rules = List.copyOf(rules);
        this.planned = planned;
    }

    /**
     * @param planned the measured requests the whole load would send (an upper bound); 0 or less when not known,
     *                and then nothing is ever decided early
     */
    static SloLoss of(List<Threshold> slos, long planned) {
        List<Rule> rules = new ArrayList<>();
        if (planned > 0) {
            slos.forEach(slo -> rule(slo).ifPresent(rules::add));
        }
        return new SloLoss(rules, planned);
    }

    /** Whether any SLO can be decided early at all. */
    boolean decides() {
        return !rules.isEmpty();
    }

    /**
     * @param latencyNanos the latencies of the answers so far (failed requests not included), as the report's
     *                     histogram holds them
     * @param failed       requests that failed so far
     * @return what lost the SLO, in words; empty while every SLO can still hold
     */
    Optional<String> lost(Histogram latencyNanos, long failed) {
        for (Rule rule : rules) {
            Optional<String> lost = rule.lost(latencyNanos, failed, planned);
            if (lost.isPresent()) {
                return lost;
            }
        }
        return Optional.empty();
    }

    private static Optional<Rule> rule(Threshold slo) {
        if (slo.confidence() != null || !(slo.bound() instanceof Operand.Constant bound)
                || slo.operator() != Operator.LESS && slo.operator() != Operator.LESS_OR_EQUAL
                || !(slo.metric() instanceof VariantMetric metric)) {
            return Optional.empty();
        }
        return switch (metric) {
            case LATENCY_P50 -> Optional.of(new Percentile(slo, 50, bound.value()));
            case LATENCY_P90 -> Optional.of(new Percentile(slo, 90, bound.value()));
            case LATENCY_P99 -> Optional.of(new Percentile(slo, 99, bound.value()));
            case LATENCY_MAX -> Optional.of(new Percentile(slo, 100, bound.value()));
            case ERRORS_RATE -> Optional.of(new ErrorRate(slo, bound.value()));
            default -> Optional.empty();
        };
    }

    /** One SLO this class can decide. */
    private sealed interface Rule permits Percentile, ErrorRate {
        Optional<String> lost(Histogram latencyNanos, long failed, long planned);
    }

    /** {@code latency.pQ < B ms}: lost when more answers are over B than the most answers there can be allow. */
    private record Percentile(Threshold slo, int quantile, double boundMs) implements Rule {

        @Override
        public Optional<String> lost(Histogram latencyNanos, long failed, long planned) {
            long over = over(latencyNanos, (long) Math.floor(boundMs * 1e6) + REPORT_ROUNDING_NANOS);
            long answers = Math.max(0, planned - failed);
            long allowed = allowed(quantile, answers);
            if (over <= allowed) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "%s lost: %d answers over %s ms, more than the %d that %d "
                    + "planned requests allow%s", slo.expr(), over, number(boundMs), allowed, planned,
                    failed > 0 ? " (" + failed + " failed)" : ""));
        }

        /** Answers over the bound that a percentile of {@code answers} may have: {@code n - ceil(Q × n / 100)}. */
        static long allowed(int quantile, long answers) {
            return answers - Math.max(1, (quantile * answers + 99) / 100);
        }

        /** Answers whose whole bucket lies above {@code nanos}: each is reported above it, however it is rounded. */
        private static long over(Histogram histogram, long nanos) {
            if (histogram.getTotalCount() == 0 || histogram.getMaxValue() <= nanos) {
                return 0;
            }
            long from = histogram.nextNonEquivalentValue(nanos);
            return from > histogram.getMaxValue() ? 0 : histogram.getCountBetweenValues(from, histogram.getMaxValue());
        }
    }

    /** {@code errors.rate < R}: lost once the failures so far fail it over all planned requests. */
    private record ErrorRate(Threshold slo, double bound) implements Rule {

        @Override
        public Optional<String> lost(Histogram latencyNanos, long failed, long planned) {
            if (slo.operator().holds((double) failed / planned, bound)) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT, "%s lost: %d of %d planned requests failed already",
                    slo.expr(), failed, planned));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
