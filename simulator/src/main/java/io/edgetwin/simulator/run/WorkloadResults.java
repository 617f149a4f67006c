package io.edgetwin.simulator.run;

import io.edgetwin.report.EncodedHistogram;
import io.edgetwin.report.RequestCounts;
import io.edgetwin.report.Validity;
import io.edgetwin.report.Window;
import io.edgetwin.report.WorkloadResult;
import io.edgetwin.report.gate.Metric;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.WorkloadMetric;
import io.edgetwin.simulator.load.LoadResult;
import io.edgetwin.simulator.scenario.Scenario;
import io.edgetwin.simulator.scenario.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Each workload's own report entry when a scenario runs several at once, judged on its own answers: it
 * needs its own count for every percentile its thresholds (and the validity rules) report. A scenario of
 * one workload has none: its figures are the variant's.
 */
final class WorkloadResults {

    private WorkloadResults() {
    }

    /** @param reading the thresholds that read this variant; those naming a workload decide its percentiles */
    static Map<String, WorkloadResult> of(Scenario scenario, Map<String, LoadResult> perWorkload, List<Threshold> reading) {
        Map<String, WorkloadResult> results = new LinkedHashMap<>();
        if (!scenario.severalWorkloads()) {
            return results;
        }
        for (Workload workload : scenario.workloads()) {
            LoadResult load = perWorkload.get(workload.name());
            if (load == null) {
                continue;
            }
            List<Threshold> own = reading.stream().filter(t -> names(t, workload.name())).toList();
            Validity validity = ValidityCheck.of(load, scenario.validity(), own);
            results.put(workload.name(), new WorkloadResult(workload.target(), validity,
                    new RequestCounts(load.sent(), load.ok(), load.failed(), load.dropped() + load.late(), load.unsent()),
                    VariantResults.latency(load.latencyNanos()), EncodedHistogram.of(load.latencyNanos()),
                    load.throughputPerSecond(), Math.min(load.correct(), load.ok()),
                    load.windows().stream().map(w -> new Window(w.startMs(), w.count(), w.errors(), w.p50Ms(), w.p99Ms(),
                            EncodedHistogram.of(w.latencyNanos()))).toList()));
        }
        return results;
    }

    /** {@code validity} with every workload's reasons, each prefixed {@code workload '<name>': }. */
    static Validity withReasons(Validity validity, Map<String, WorkloadResult> workloads) {
        List<String> reasons = new ArrayList<>(validity.reasons());
        workloads.forEach((name, w) -> w.validity().reasons().forEach(reason -> reasons.add("workload '" + name + "': "
                + reason)));
        return new Validity(reasons.isEmpty(), reasons);
    }

    private static boolean names(Threshold threshold, String workload) {
        return Stream.concat(Stream.of(threshold.metric()), threshold.reference().map(r -> (Metric) r.metric()).stream())
                .anyMatch(metric -> metric instanceof WorkloadMetric named && named.workload().equals(workload));
    }
}
