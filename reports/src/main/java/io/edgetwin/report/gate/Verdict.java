package io.edgetwin.report.gate;

import io.edgetwin.report.ThresholdResult;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking a variant's thresholds: every result in threshold order, and the
 * violations among them. Attach the results to the variant with
 * {@code variant.withThresholds(verdict.results())}.
 */
public record Verdict(List<ThresholdResult> results, List<Violation> violations) {

    public Verdict {
        results = List.copyOf(Objects.requireNonNull(results, "results"));
        violations = List.copyOf(Objects.requireNonNull(violations, "violations"));
        long failed = results.stream().filter(result -> !result.passed()).count();
        if (failed != violations.size()) {
            throw new IllegalArgumentException(violations.size() + " violations for " + failed
                    + " failed thresholds; expected one violation per failed threshold");
        }
    }

    /** True when no threshold was violated (also when there were none). */
    public boolean passed() {
        return violations.isEmpty();
    }
}
