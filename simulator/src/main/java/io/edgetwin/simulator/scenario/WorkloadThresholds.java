package io.edgetwin.simulator.scenario;

import io.edgetwin.report.gate.Metric;
import io.edgetwin.report.gate.Threshold;
import io.edgetwin.report.gate.WorkloadMetric;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks that every per-workload threshold ({@code defect.latency.p99 < 80ms}, and the workload a comparison
 * reads) names a workload of the scenario, at the threshold's {@code file:line:column}. A scenario of one
 * workload has none to name: its figures are the variant's.
 */
final class WorkloadThresholds {

    private WorkloadThresholds() {
    }

    static void requireKnown(List<Variant> variants, List<Workload> workloads, Map<String, Node> thresholds) {
        List<String> names = workloads.stream().map(Workload::name).toList();
        for (Variant variant : variants) {
            for (int i = 0; i < variant.thresholds().size(); i++) {
                Threshold threshold = variant.thresholds().get(i);
                for (Metric metric : metrics(threshold).toList()) {
                    if (metric instanceof WorkloadMetric named && (workloads.size() == 1 || !names.contains(named.workload()))) {
                        throw thresholds.get(variant.name()).sequence().get(i).error(problem(threshold, named, names));
                    }
                }
            }
        }
    }

    private static Stream<Metric> metrics(Threshold threshold) {
        return Stream.concat(Stream.of(threshold.metric()), threshold.reference().map(r -> r.metric()).stream());
    }

    private static String problem(Threshold threshold, WorkloadMetric metric, List<String> names) {
        if (names.size() == 1) {
            return "threshold '" + threshold.expr() + "': names workload '" + metric.workload() + "' but the scenario has"
                    + " one workload, whose figures are the variant's; expected '" + metric.base().key() + "'";
        }
        return "threshold '" + threshold.expr() + "': unknown workload '" + metric.workload() + "'; expected one of "
                + names;
    }
}
