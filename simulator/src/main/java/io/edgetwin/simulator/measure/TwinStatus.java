package io.edgetwin.simulator.measure;

import java.util.Map;

/**
 * One status message of a twin's core ({@code edgetwin/<thing>/status}, docs/topics.md), as the harness
 * reads it. The harness keeps its own copy of the format on purpose: it talks to the core only across
 * the container boundary.
 */
public record TwinStatus(String thing, String core, long uptimeMs, Device device, Memory memory, long oomKills, Deployment deployment,
                         Map<String, Component> components, Map<String, Lambda> lambdas) {

    public TwinStatus {
        components = components == null ? Map.of() : Map.copyOf(components);
        lambdas = lambdas == null ? Map.of() : Map.copyOf(lambdas);
    }

    /** A status without Lambda functions. */
    public TwinStatus(String thing, String core, long uptimeMs, Device device, Memory memory, long oomKills,
                      Deployment deployment, Map<String, Component> components) {
        this(thing, core, uptimeMs, device, memory, oomKills, deployment, components, Map.of());
    }

    public boolean isReady(String component) {
        Component c = components.get(component);
        return c != null && c.ready();
    }

    /** Whether the core gave up on the component (Greengrass BROKEN: too many errors in a row). */
    public boolean isBroken(String component) {
        Component c = components.get(component);
        return c != null && "BROKEN".equals(c.state());
    }

    /** Caps read back inside the twin; -1 means unlimited. */
    public record Device(long memoryBytes, long memorySwapBytes, double cpus, long pids) {
    }

    public record Memory(long currentBytes, long peakBytes) {
    }

    public record Deployment(String id, String status, String reason) {
    }

    /** {@code resources} is null when the component runs without a cgroup of its own. */
    public record Component(String version, String state, boolean ready, int restarts, boolean enforced, String lastExit,
                            Limits limits, Resources resources) {
    }

    /** A reading of the component's cgroup. */
    public record Resources(long memoryBytes, long memoryPeakBytes, long cpuUsageNanos, long periods, long throttledPeriods,
                            long throttledNanos, long majorFaults, long oomKills) {
    }

    public record Limits(Long memoryKb, Double cpus) {
    }

    /**
     * One Lambda function's counters ({@code lambdas.<component>}); {@code containerMode} is null from a core
     * that does not report it.
     */
    public record Lambda(long received, long dropped, long invocations, long succeeded, long errors, long timeouts,
                         long crashes, long oomKills, long instancesStarted, long initFailures, int instances,
                         int peakInstances, int queued, String lastError, String containerMode, long memorySizeKb,
                         long lastStartMs, long slowestStartMs) {
    }
}
