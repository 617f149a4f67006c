package io.edgetwin.simulator.junit;

import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finished scenario run as a test sees it: the report and the directory holding report.json and
 * the other formats.
 */
public record ScenarioResult(Report report, Path directory) {

    /**
     * Why the run did not pass: each reason a variant's run is invalid ({@code limited: INVALID: ...})
     * and each failed threshold ({@code limited: latency.p99 < 50ms (actual 71.2 ms)}).
     */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, VariantResult> variant : report.variants().entrySet()) {
            variant.getValue().validity().reasons().forEach(reason -> violations.add(variant.getKey() + ": INVALID: " + reason));
            for (ThresholdResult threshold : variant.getValue().thresholds()) {
                if (!threshold.passed()) {
                    violations.add(variant.getKey() + ": " + threshold.expr() + " (actual "
                            + (threshold.actual() == null ? "none" : threshold.actual() + " " + threshold.unit().symbol()) + ")");
                }
            }
        }
        return violations;
    }

    /** Throws an AssertionError listing every violation when the run did not pass. */
    public void assertPassed() {
        if (!report.passed()) {
            throw new AssertionError("scenario '" + report.scenario() + "' " + report.verdict() + ":\n  "
                    + String.join("\n  ", violations()) + "\nreports in " + directory);
        }
    }
}
