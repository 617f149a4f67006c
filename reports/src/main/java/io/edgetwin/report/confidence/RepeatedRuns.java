package io.edgetwin.report.confidence;

import io.edgetwin.report.Interference;
import io.edgetwin.report.LatencySummary;
import io.edgetwin.report.RatioInterval;
import io.edgetwin.report.RepeatRun;
import io.edgetwin.report.RepeatedVariant;
import io.edgetwin.report.Repeats;
import io.edgetwin.report.Report;
import io.edgetwin.report.Spread;
import io.edgetwin.report.ThresholdResult;
import io.edgetwin.report.Validity;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.Window;
import io.edgetwin.report.gate.Gate;
import io.edgetwin.report.gate.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Folds the reports of one scenario run N times into one report. Each variant keeps the first repeat's
 * time line (windows, series, events: the charts show repeat 1), with its latency percentiles and
 * throughput replaced by their medians over the repeats, its thresholds (comparisons too) checked
 * against those medians,
 * and every repeat's invalid reasons (so one invalid repeat makes the whole run INVALID). {@code repeats}
 * adds each repeat's numbers, each metric's spread and the comparisons between variants, bootstrapped
 * over the windows of every repeat; thresholds that demand a confidence are decided by those
 * ({@link ConfidenceGate}).
 */
public final class RepeatedRuns {

    private RepeatedRuns() {
    }

    /** The combined report; {@code runs} are the repeats in order, all of the same scenario. */
    public static Report combine(List<Report> runs, WindowBootstrap bootstrap) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to combine; expected at least one repeat");
        }
        Report first = runs.get(0);
        Map<String, VariantResult> variants = new LinkedHashMap<>();
        Map<String, RepeatedVariant> repeated = new LinkedHashMap<>();
        Map<String, List<Threshold>> thresholds = new LinkedHashMap<>();
        for (String name : first.variants().keySet()) {
            List<VariantResult> each = runs.stream().map(r -> variantOf(r, name)).toList();
            variants.put(name, runs.size() == 1 ? each.get(0) : median(each));
            repeated.put(name, RepeatedVariant.of(repeatRuns(each)));
            thresholds.put(name, each.get(0).thresholds().stream().map(ThresholdResult::expr).map(Threshold::parse).toList());
        }
        if (runs.size() > 1) {
            variants = Gate.judge(variants, thresholds);
        }
        Repeats repeats = new Repeats(runs.size(), repeated, comparisons(runs, bootstrap));
        return ConfidenceGate.apply(first.withVariants(variants).withRepeats(repeats)
                .during(first.startedAt(), runs.get(runs.size() - 1).finishedAt()));
    }

    private static VariantResult variantOf(Report report, String name) {
        VariantResult v = report.variants().get(name);
        if (v == null) {
            throw new IllegalArgumentException("a repeat of '" + report.scenario() + "' has no variant '" + name
                    + "'; expected the same variants in every repeat");
        }
        return v;
    }

    private static VariantResult median(List<VariantResult> each) {
        LatencySummary latency = new LatencySummary(med(each, v -> v.latencyMs().p50()), med(each, v -> v.latencyMs().p90()),
                med(each, v -> v.latencyMs().p99()), med(each, v -> v.latencyMs().max()), med(each, v -> v.latencyMs().mean()));
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            for (String reason : each.get(i).validity().reasons()) {
                reasons.add("repeat " + (i + 1) + " of " + each.size() + ": " + reason);
            }
        }
        return each.get(0).withLatency(latency, med(each, VariantResult::throughputPerSec))
                .withValidity(new Validity(reasons.isEmpty(), reasons));
    }

    private static double med(List<VariantResult> each, ToDoubleFunction<VariantResult> metric) {
        return Spread.of(each.stream().map(metric::applyAsDouble).toList()).median();
    }

    private static List<RepeatRun> repeatRuns(List<VariantResult> each) {
        List<RepeatRun> runs = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            VariantResult v = each.get(i);
            Interference interference = v.interference();
            runs.add(new RepeatRun(i + 1, v.validity().valid(), v.passed(), v.latencyMs().p50(), v.latencyMs().p99(),
                    v.throughputPerSec(), interference == null ? null : interference.outsideShare()));
        }
        return runs;
    }

    /** Each earlier variant against each later one, over the windows of every repeat. */
    private static List<RatioInterval> comparisons(List<Report> runs, WindowBootstrap bootstrap) {
        List<String> names = List.copyOf(runs.get(0).variants().keySet());
        List<RatioInterval> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                out.addAll(bootstrap.compare(names.get(i), windows(runs, names.get(i)), names.get(j), windows(runs, names.get(j))));
            }
        }
        return out;
    }

    private static List<Window> windows(List<Report> runs, String name) {
        return runs.stream().flatMap(r -> variantOf(r, name).windows().stream()).toList();
    }
}
