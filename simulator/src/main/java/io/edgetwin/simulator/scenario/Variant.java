package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.Threshold;
import java.util.List;
import java.util.Map;

/** One way to run the same workload: the component limits it applies and the thresholds it must meet. */
public record Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds) {

    public Variant {
        limits = Map.copyOf(limits);
        thresholds = List.copyOf(thresholds);
    }

    public ComponentLimits limitsOf(String component) {
        return limits.get(component);
    }
}
