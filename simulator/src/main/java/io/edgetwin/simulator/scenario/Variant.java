package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.Threshold;
import java.util.List;
import java.util.Map;

/**
 * One way to run the same workload: the component limits it applies, the thresholds it must meet,
 * per component another version or configuration ({@code overrides}; e.g. baseline vs candidate model),
 * how its twins reach the broker ({@code security}, mTLS unless the scenario says {@code none}) and
 * where its inference runs ({@code placement}: on the twin, or in the cloud behind a WAN link).
 */
public record Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds,
                      Map<String, ComponentOverride> overrides, Security security, Placement placement) {

    public Variant {
        limits = Map.copyOf(limits);
        thresholds = List.copyOf(thresholds);
        overrides = Map.copyOf(overrides);
        java.util.Objects.requireNonNull(security, "security");
        java.util.Objects.requireNonNull(placement, "placement");
    }

    public Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds,
                   Map<String, ComponentOverride> overrides) {
        this(name, limits, thresholds, overrides, Security.MTLS, Placement.EDGE);
    }

    public Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds,
                   Map<String, ComponentOverride> overrides, Security security) {
        this(name, limits, thresholds, overrides, security, Placement.EDGE);
    }

    public Variant(String name, Map<String, ComponentLimits> limits, List<Threshold> thresholds,
                   Map<String, ComponentOverride> overrides, Placement placement) {
        this(name, limits, thresholds, overrides, Security.MTLS, placement);
    }

    /** The same variant with its twins reaching the broker as {@code mode} says. */
    public Variant withSecurity(Security mode) {
        return new Variant(name, limits, thresholds, overrides, mode, placement);
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
