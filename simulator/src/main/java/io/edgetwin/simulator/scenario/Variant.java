package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.Threshold;
import java.util.List;
import java.util.Map;

/**
 * One way to run the same workload: the component limits it applies, the thresholds it must meet,
 * per component another version or configuration ({@code overrides}; e.g. baseline vs candidate model),
 * and where its inference runs ({@code placement}: on the twin, or in the cloud behind a WAN link).
 */
public record Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds,
                      Map<String, ComponentOverride> overrides, Placement placement) {

    public Variant {
        limits = Map.copyOf(limits);
        thresholds = List.copyOf(thresholds);
        overrides = Map.copyOf(overrides);
        java.util.Objects.requireNonNull(placement, "placement");
    }

    public Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds,
                   Map<String, ComponentOverride> overrides) {
        this(name, limits, thresholds, overrides, Placement.EDGE);
    }

    public Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds) {
        this(name, limits, thresholds, Map.of());
    }

    public ComponentOverride overrideOf(String component) {
        return overrides.getOrDefault(component, ComponentOverride.NONE);
    }

    public ComponentLimits limitsOf(String component) {
        return limits.get(component);
    }
}
