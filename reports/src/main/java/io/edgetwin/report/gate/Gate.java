package io.edgetwin.report.gate;

import io.edgetwin.report.Comparison;
import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks thresholds against a variant's measurements. A metric without a value for the run
 * (errors.rate when nothing was sent) fails whatever its operator: a run that sent nothing cannot
 * pass; so does a comparison whose other side has no value. A metric naming a component the variant
 * does not have, or a comparison naming a variant the run does not have, is not a failed threshold
 * but a mistake in the scenario: it throws.
 */
public final class Gate {

    private Gate() {
    }

    /**
     * Thresholds of a variant on its own; a comparison may read only the variant's own metrics.
     *
     * @throws ThresholdException quoting the threshold, when it names a component the variant lacks or
     *                            compares with another run
     */
    public static Verdict evaluate(List<Threshold> thresholds, VariantResult variant) {
        return evaluate(thresholds, Scope.alone("self", variant));
    }

    /**
     * Thresholds of {@code scope.variant()}, comparisons reading the other variants and the baseline
     * run of the scope.
     *
     * @throws ThresholdException quoting the threshold, when it names a component or variant that is not there
     */
    public static Verdict evaluate(List<Threshold> thresholds, Scope scope) {
        List<ThresholdResult> results = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Threshold threshold : thresholds) {
            ThresholdResult result = check(threshold, scope);
            results.add(result);
            if (!result.passed()) {
                Double limit = result.comparison() == null ? Double.valueOf(threshold.limit()) : result.comparison().limit();
                violations.add(new Violation(threshold.metric().key(), threshold.operator(), limit, result.actual(),
                        threshold.metric().unit()));
            }
        }
        return new Verdict(results, violations);
    }

    /**
     * Every variant's thresholds checked with the whole run in view, so a variant can be compared with
     * one that ran after it. Variants without an entry in {@code thresholds} keep none.
     */
    public static Map<String, VariantResult> judge(Map<String, VariantResult> variants,
                                                   Map<String, List<Threshold>> thresholds) {
        Map<String, VariantResult> judged = new LinkedHashMap<>();
        variants.forEach((name, variant) -> judged.put(name, variant.withThresholds(
                evaluate(thresholds.getOrDefault(name, List.of()), new Scope(name, variants, null)).results())));
        return judged;
    }

    /**
     * {@code report} with {@code extra} checked against every variant and appended to the thresholds
     * it already has; the verdict follows. A comparison with a named variant is checked against every
     * other variant; {@code baseline} (may be null) is what {@code baseline.} reads.
     */
    public static Report withThresholds(Report report, List<Threshold> extra, Report baseline) {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        report.variants().forEach((name, variant) -> {
            List<Threshold> applicable = extra.stream().filter(threshold -> !namesVariant(threshold, name)).toList();
            List<ThresholdResult> all = new ArrayList<>(variant.thresholds());
            all.addAll(evaluate(applicable, new Scope(name, report.variants(), baseline)).results());
            variants.put(name, variant.withThresholds(all));
        });
        return report.withVariants(variants);
    }

    /** {@code report} with {@code extra} checked against every variant; no baseline run. */
    public static Report withThresholds(Report report, List<Threshold> extra) {
        return withThresholds(report, extra, null);
    }

    private static boolean namesVariant(Threshold threshold, String variant) {
        return threshold.reference().filter(reference -> reference.source() instanceof Source.OtherVariant other
                && other.name().equals(variant)).isPresent();
    }

    private static ThresholdResult check(Threshold threshold, Scope scope) {
        try {
            Double actual = valueOrNull(threshold.metric(), scope.own());
            if (threshold.reference().isEmpty()) {
                return new ThresholdResult(threshold.expr(), actual, threshold.metric().unit(),
                        actual != null && threshold.holdsFor(actual));
            }
            Operand.Reference reference = threshold.reference().get();
            Double other = valueOrNull(reference.metric(), scope.resolve(reference.source()));
            Double limit = other == null ? null : reference.bound(other);
            boolean passed = actual != null && limit != null && threshold.holds(actual, limit);
            return new ThresholdResult(threshold.expr(), actual, threshold.metric().unit(), passed,
                    new Comparison(scope.nameOf(reference.source()), reference.metric().key(), other, limit));
        } catch (ThresholdException e) {
            throw new ThresholdException("threshold '" + threshold.expr() + "': " + e.getMessage(), e);
        }
    }

    private static Double valueOrNull(Metric metric, VariantResult variant) {
        double value = metric.valueOf(variant);
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
