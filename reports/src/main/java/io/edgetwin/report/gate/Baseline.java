package io.edgetwin.report.gate;

import io.edgetwin.report.Report;
import io.edgetwin.report.ReportException;
import io.edgetwin.report.VariantResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares a run with an earlier run of the same scenario, variant by variant, so CI can fail a
 * release that regresses. A baseline of another scenario, or one lacking a variant of this run, is
 * refused: comparing them would say nothing. So is a baseline whose variant was stopped early (partial).
 */
public final class Baseline {

    private Baseline() {
    }

    /**
     * Every tolerance for every variant of {@code current}, in variant then tolerance order.
     *
     * @throws ReportException when the baseline is of another scenario or lacks a variant
     */
    public static List<BaselineResult> compare(Report current, Report baseline, List<Tolerance> tolerances) {
        if (!current.scenario().equals(baseline.scenario())) {
            throw new ReportException("the baseline is a run of scenario '" + baseline.scenario()
                    + "'; expected a run of '" + current.scenario() + "' like the report it is compared with");
        }
        List<BaselineResult> results = new ArrayList<>();
        for (Map.Entry<String, VariantResult> entry : current.variants().entrySet()) {
            VariantResult before = baseline.variants().get(entry.getKey());
            if (before == null) {
                throw new ReportException("the baseline has no variant '" + entry.getKey() + "'; it has "
                        + baseline.variants().keySet());
            }
            if (before.partial() != null) {
                throw new ReportException("the baseline's variant '" + entry.getKey() + "' was measured only in part ("
                        + before.partial() + "); expected a baseline run that finished");
            }
            for (Tolerance tolerance : tolerances) {
                results.add(check(entry.getKey(), tolerance, entry.getValue(), before));
            }
        }
        return List.copyOf(results);
    }

    private static BaselineResult check(String variant, Tolerance tolerance, VariantResult now, VariantResult before) {
        Double actual = valueOrNull(tolerance, now);
        Double baseline = valueOrNull(tolerance, before);
        Double allowed = baseline == null ? null : tolerance.allowed(baseline);
        boolean passed = actual != null && baseline != null && tolerance.holds(actual, baseline);
        return new BaselineResult(variant, tolerance.expr(), baseline, actual, allowed, tolerance.unit(), passed);
    }

    private static Double valueOrNull(Tolerance tolerance, VariantResult variant) {
        try {
            double value = tolerance.metric().valueOf(variant);
            return Double.isNaN(value) ? null : value;
        } catch (ThresholdException e) {
            throw new ThresholdException("tolerance '" + tolerance.expr() + "': " + e.getMessage(), e);
        }
    }
}
