package io.edgetwin.simulator.run;

import io.edgetwin.report.ComponentLimits;
import io.edgetwin.report.ComponentResult;
import io.edgetwin.report.DeviceCaps;
import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.LambdaResult;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.OomKills;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.measure.TwinStatus;
import io.edgetwin.simulator.scenario.DeviceSpec;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.ScenarioComponent;
import io.edgetwin.simulator.scenario.Variant;
import io.edgetwin.simulator.twin.TwinOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Assembles a variant's report entry from what was measured: the caps the twin read back, the load
 * result, the core's last status and Docker's view of the container. {@code requests.late} counts the
 * requests dropped (never sent: the twin was away) plus those sent late; the run's progress lines show
 * them apart. {@code requests.unsent} counts those due while the harness itself could not send.
 */
final class VariantResults {

    private VariantResults() {
    }

    static VariantResult of(Scenario scenario, Variant variant, TwinStatus last, TwinOutcome outcome,
                            long twinStartMs, LoadResult load, long peakMemoryBytes, Validity validity) {
        Histogram h = load.latencyNanos();
        LatencySummary latency = latency(h);
        // The twin's own cgroup counter is the robust signal; Docker's sticky OOMKilled flag also turns
        // true when only a process inside was killed, so it counts only when the twin itself is gone.
        long deviceOoms = Math.max(last.oomKills(), outcome.oomKilled() && !outcome.running() ? 1 : 0)
                + killsByTheDeviceCap(variant, last);
        return VariantResult.measured(applied(last.device()), requested(scenario.device()), twinStartMs, validity,
                new RequestCounts(load.sent(), load.ok(), load.failed(), load.dropped() + load.late(), load.unsent()), latency,
                EncodedHistogram.of(h),
                load.throughputPerSecond(), Math.max(peakMemoryBytes, last.memory().peakBytes()),
                new OomKills(deviceOoms, componentOomKills(last)), components(scenario, variant, last))
                .withCorrect(Math.min(load.correct(), load.ok()));
    }

    /** The percentiles of {@code h} (ns) in ms; all 0 when it is empty. */
    static LatencySummary latency(Histogram h) {
        return h.getTotalCount() == 0 ? LatencySummary.none()
                : LatencySummary.fromNanos(h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getMaxValue(), h.getMean());
    }

    /**
     * The kernel counts an OOM kill in the victim's cgroup. A component without a memory limit of its
     * own can only have been killed because the whole twin ran out, so its kills are the device's.
     */
    private static long killsByTheDeviceCap(Variant variant, TwinStatus last) {
        long kills = 0;
        for (Map.Entry<String, TwinStatus.Component> e : last.components().entrySet()) {
            io.edgetwin.simulator.scenario.ComponentLimits limits = variant.limitsOf(e.getKey());
            boolean ownMemoryLimit = limits != null && limits.memoryKb() != null || contained(last.lambdas().get(e.getKey()));
            if (!ownMemoryLimit && e.getValue().resources() != null) {
                kills += e.getValue().resources().oomKills();
            }
        }
        return kills;
    }

    /** A {@code GreengrassContainer} function: its memory size is its cgroup's own memory limit. */
    private static boolean contained(TwinStatus.Lambda function) {
        return function != null && "GreengrassContainer".equals(function.containerMode());
    }

    /** OOM kills counted by each component's own cgroup; components without one are left out. */
    private static Map<String, Long> componentOomKills(TwinStatus last) {
        Map<String, Long> kills = new LinkedHashMap<>();
        last.components().forEach((name, c) -> {
            if (c.resources() != null) {
                kills.put(name, c.resources().oomKills());
            }
        });
        return kills;
    }

    /**
     * The thresholds the variant can check on its own; those comparing with another variant are
     * checked when the whole run is in ({@link ScenarioRun}).
     */
    static VariantResult withThresholds(VariantResult measured, Variant variant) {
        List<Threshold> own = variant.thresholds().stream().filter(threshold -> !threshold.readsOtherRuns()).toList();
        return measured.withThresholds(Gate.evaluate(own, measured).results());
    }

    private static Map<String, ComponentResult> components(Scenario scenario, Variant variant, TwinStatus last) {
        Map<String, ComponentResult> components = new LinkedHashMap<>();
        for (ScenarioComponent c : scenario.components().values()) {
            TwinStatus.Component seen = last.components().get(c.name());
            io.edgetwin.simulator.scenario.ComponentLimits limits = variant.limitsOf(c.name());
            ComponentLimits declared = new ComponentLimits(limits == null ? null : limits.memoryKb(),
                    limits == null ? null : limits.cpus());
            ComponentResult result = seen == null ? ComponentResult.unobserved(declared, false, "UNKNOWN", 0)
                    : component(declared, seen);
            components.put(c.name(), result.withLambda(lambda(last.lambdas().get(c.name()))));
        }
        return components;
    }

    /** The cgroup's counters are cumulative over the component's life, so its ratios span the whole run. */
    private static ComponentResult component(ComponentLimits declared, TwinStatus.Component seen) {
        TwinStatus.Resources r = seen.resources();
        if (r == null) {
            return ComponentResult.unobserved(declared, seen.enforced(), seen.state(), seen.restarts());
        }
        Double throttleRatio = r.periods() == 0 ? null : Math.min(1.0, (double) r.throttledPeriods() / r.periods());
        return new ComponentResult(declared, seen.enforced(), seen.state(), seen.restarts(), r.oomKills(),
                r.memoryPeakBytes(), throttleRatio, null, List.of());
    }

    /** What the core said about a Lambda component's function; null for other components and older cores. */
    static LambdaResult lambda(TwinStatus.Lambda f) {
        if (f == null || f.containerMode() == null || f.memorySizeKb() <= 0) {
            return null;
        }
        return new LambdaResult(f.containerMode(), f.memorySizeKb(), f.received(), f.dropped(), f.invocations(), f.errors(),
                f.timeouts(), f.crashes(), f.instancesStarted(), f.peakInstances(), f.slowestStartMs());
    }

    private static DeviceCaps applied(TwinStatus.Device device) {
        return new DeviceCaps(device.memoryBytes(), orNull(device.memorySwapBytes()), device.cpus(), orNull(device.pids()));
    }

    private static DeviceCaps requested(DeviceSpec device) {
        return new DeviceCaps(device.memoryBytes(), device.memorySwapBytes(), device.cpus(),
                device.pids() == 0 ? null : device.pids());
    }

    private static Long orNull(long value) {
        return value < 0 ? null : value;
    }
}
