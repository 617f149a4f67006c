package io.edgetwin.report.confidence;

import io.edgetwin.report.RatioCheck;
import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Operand;
import io.edgetwin.report.gate.Operator;
import io.edgetwin.report.gate.Source;
import io.edgetwin.report.gate.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the thresholds that demand a confidence ({@code latency.p99 < 0.5 * unlimited.latency.p99 with
 * 95% confidence}) from the report's bootstrap intervals: {@code <} and {@code <=} hold when the ratio's
 * one-sided upper bound at that confidence is below the factor, {@code >} and {@code >=} when the lower
 * bound is above it. A pair compared the other way round ({@code unlimited} over {@code limited}) is
 * read inverted. Other thresholds are left as they are.
 */
public final class ConfidenceGate {

    private ConfidenceGate() {
    }

    /**
     * {@code report} with its confidence thresholds decided; without a repeats section (a report from
     * before them) there is no interval and they fail.
     */
    public static Report apply(Report report) {
        List<RatioInterval> intervals = report.repeats() == null ? List.of() : report.repeats().comparisons();
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        report.variants().forEach((name, v) -> {
            List<ThresholdResult> results = new ArrayList<>();
            v.thresholds().forEach(r -> results.add(decide(name, r, intervals)));
            variants.put(name, v.withThresholds(results));
        });
        return report.withVariants(variants);
    }

    private static ThresholdResult decide(String variant, ThresholdResult result, List<RatioInterval> intervals) {
        Threshold t = Threshold.parse(result.expr());
        if (t.confidence() == null) {
            return result;
        }
        Operand.Reference reference = t.reference().orElseThrow();
        String other = ((Source.OtherVariant) reference.source()).name();
        boolean upper = t.operator() == Operator.LESS || t.operator() == Operator.LESS_OR_EQUAL;
        String level = t.confidence().key();
        Optional<double[]> ratioAndBound = bound(intervals, t.metric().key(), variant, other, upper, level);
        double ratio = ratioAndBound.map(rb -> rb[0]).orElse(result.comparison() == null
                ? Double.NaN : ratioOrNaN(result.comparison().ratio(result.actual())));
        Double bound = ratioAndBound.map(rb -> rb[1]).orElse(null);
        boolean held = bound != null && t.holds(bound, reference.factor());
        return result.decidedBy(new RatioCheck(t.confidence().percent(), upper, Double.isNaN(ratio) ? 0 : ratio, bound,
                reference.factor()), held);
    }

    /** The pooled ratio and the one-sided bound of {@code variant / other}, reading an inverted pair as 1 / x. */
    private static Optional<double[]> bound(List<RatioInterval> intervals, String metric, String variant, String other,
                                            boolean upper, String level) {
        for (RatioInterval i : intervals) {
            if (!i.metric().equals(metric)) {
                continue;
            }
            if (i.variant().equals(variant) && i.baseline().equals(other)) {
                return Optional.of(new double[] {i.ratio(), (upper ? i.upper() : i.lower()).get(level)});
            }
            if (i.variant().equals(other) && i.baseline().equals(variant)) {
                return Optional.of(new double[] {1 / i.ratio(), 1 / (upper ? i.lower() : i.upper()).get(level)});
            }
        }
        return Optional.empty();
    }

    private static double ratioOrNaN(Double ratio) {
        return ratio == null ? Double.NaN : ratio;
    }
}
