package io.edgetwin.report.headline;

import io.edgetwin.report.Comparison;
import io.edgetwin.report.DeviceTotals;
import io.edgetwin.report.Report;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.WorkloadResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The effects a report states first. Which pairs: every variant with each variant its comparison
 * thresholds name ({@code latency.p99 < 0.5 * unlimited.latency.p99} makes "limited vs unlimited");
 * a run without comparisons compares every variant with the first one.
 */
public final class Headline {

    private static final double MIB = 1024.0 * 1024.0;

    private Headline() {
    }

    /** The pairs, as {@code [variant, against]}, in variant order. */
    public static List<String[]> pairs(Report report) {
        Map<String, VariantResult> variants = report.variants();
        List<String[]> pairs = new ArrayList<>();
        variants.forEach((name, variant) -> {
            Set<String> against = new LinkedHashSet<>();
            variant.thresholds().stream().map(ThresholdResult::comparison).filter(c -> c != null)
                    .map(Comparison::against).filter(other -> !other.equals(name) && variants.containsKey(other))
                    .forEach(against::add);
            against.forEach(other -> pairs.add(new String[] {name, other}));
        });
        if (pairs.isEmpty() && variants.size() > 1) {
            List<String> names = List.copyOf(variants.keySet());
            names.subList(1, names.size()).forEach(name -> pairs.add(new String[] {name, names.get(0)}));
        }
        return pairs;
    }

    /**
     * One effect per pair, each followed by one per workload both variants ran when the scenario ran several
     * ({@code anomaly: limited vs unlimited: p99 5× lower ...}); empty for a run of one variant.
     */
    public static List<Effect> of(Report report) {
        List<Effect> effects = new ArrayList<>();
        for (String[] pair : pairs(report)) {
            VariantResult variant = report.variants().get(pair[0]);
            VariantResult against = report.variants().get(pair[1]);
            effects.add(effect(pair[0], variant, pair[1], against));
            variant.workloads().forEach((name, workload) -> {
                WorkloadResult other = against.workloads().get(name);
                if (other != null) {
                    effects.add(new Effect(name + ": " + pair[0], pair[1], List.of(
                            new Change("p99", workload.latencyMs().p99(), other.latencyMs().p99(), "ms", false),
                            new Change("p50", workload.latencyMs().p50(), other.latencyMs().p50(), "ms", false),
                            new Change("errors", workload.requests().failed(), other.requests().failed(), "", true),
                            new Change("correct", workload.accuracy() * 100, other.accuracy() * 100, "%", true))));
                }
            });
        }
        return effects;
    }

    /** The sentences, one per effect. */
    public static List<String> sentences(Report report) {
        return of(report).stream().map(Effect::sentence).toList();
    }

    static Effect effect(String name, VariantResult variant, String againstName, VariantResult against) {
        List<Change> changes = new ArrayList<>();
        changes.add(new Change("p99", variant.latencyMs().p99(), against.latencyMs().p99(), "ms", false));
        changes.add(new Change("p50", variant.latencyMs().p50(), against.latencyMs().p50(), "ms", false));
        changes.add(new Change("errors", variant.requests().failed(), against.requests().failed(), "", true));
        if (!Double.isNaN(variant.accuracy()) || !Double.isNaN(against.accuracy())) {
            changes.add(new Change("correct", variant.accuracy() * 100, against.accuracy() * 100, "%", true));
        }
        changes.add(new Change("OOM kills", oomKills(variant), oomKills(against), "", true));
        double throttled = DeviceTotals.throttleRatio(variant);
        double throttledAgainst = DeviceTotals.throttleRatio(against);
        if (!Double.isNaN(throttled) || !Double.isNaN(throttledAgainst)) {
            changes.add(new Change("throttled", throttled * 100, throttledAgainst * 100, "%", true));
        }
        changes.add(new Change("peak memory", variant.devicePeakMemoryBytes() / MIB, against.devicePeakMemoryBytes() / MIB,
                "MiB", false));
        return new Effect(name, againstName, changes);
    }

    /** Kills by the twin's cap and by components' own limits. */
    static double oomKills(VariantResult variant) {
        return variant.oomKills().device() + variant.oomKills().components().values().stream().mapToLong(Long::longValue).sum();
    }
}
