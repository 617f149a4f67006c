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

    /** Each failed threshold, e.g. {@code limited: latency.p99 < 50ms (actual 0.0712 s)}. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, VariantResult> variant : report.variants().entrySet()) {
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
