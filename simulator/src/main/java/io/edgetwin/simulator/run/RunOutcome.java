package io.edgetwin.simulator.run;

import io.edgetwin.report.Report;
import io.edgetwin.simulator.measure.VariantObservations;
import java.util.Map;

/**
 * What a run produced: the report (report.json v1) and, per variant, what report.json v2 adds
 * (written beside it as observations.json until the report model carries it). INVALID wins over FAIL.
 */
public record RunOutcome(Report report, String execution, long seed, String scenarioText,
                         Map<String, VariantObservations> observations) {

    public RunOutcome {
        observations = Map.copyOf(observations);
    }

    public boolean valid() {
        return observations.values().stream().allMatch(o -> o.validity().valid());
    }

    /** PASS, FAIL or INVALID. */
    public String verdict() {
        return !valid() ? "INVALID" : report.passed() ? "PASS" : "FAIL";
    }
}
