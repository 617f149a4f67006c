package io.edgetwin.report.gate;

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
 * pass. A component metric naming a component the variant does not have is not a failed threshold
 * but a mistake in the scenario: it throws.
 */
public final class Gate {

    private Gate() {
    }

    /**
     * @throws ThresholdException quoting the threshold, when it names a component the variant lacks
     */
    public static Verdict evaluate(List<Threshold> thresholds, VariantResult variant) {
        List<ThresholdResult> results = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (Threshold threshold : thresholds) {
            double value = actual(threshold, variant);
            Double actual = Double.isNaN(value) ? null : value;
            boolean passed = actual != null && threshold.holdsFor(actual);
            results.add(new ThresholdResult(threshold.expr(), actual, threshold.metric().unit(), passed));
            if (!passed) {
                violations.add(new Violation(threshold.metric().key(), threshold.comparison(),
                        threshold.limit(), actual, threshold.metric().unit()));
            }
        }
        return new Verdict(results, violations);
    }

    /**
     * {@code report} with {@code extra} checked against every variant and appended to the thresholds
     * it already has; the verdict follows.
     */
    public static Report withThresholds(Report report, List<Threshold> extra) {
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        report.variants().forEach((name, variant) -> {
            List<ThresholdResult> all = new ArrayList<>(variant.thresholds());
            all.addAll(evaluate(extra, variant).results());
            variants.put(name, variant.withThresholds(all));
        });
        return report.withVariants(variants);
    }

    private static double actual(Threshold threshold, VariantResult variant) {
        try {
            return threshold.metric().valueOf(variant);
        } catch (ThresholdException e) {
            throw new ThresholdException("threshold '" + threshold.expr() + "': " + e.getMessage(), e);
        }
    }
}
