package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.VariantResult;
import io.edgetwin.report.WorkloadResult;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A metric of one workload of a scenario that runs several at once, written {@code <workload>.<metric>}:
 * {@code defect.latency.p99}, {@code anomaly.errors.rate}, {@code anomaly.accuracy}. Only the figures a
 * workload has of its own apply (latency, requests, errors, throughput, accuracy); which workloads exist
 * is only known with the scenario, so an unknown name parses but fails validation and evaluation.
 */
public record WorkloadMetric(String workload, VariantMetric base) implements Metric {

    /** The metrics a workload has of its own. */
    static final Set<VariantMetric> PER_WORKLOAD = EnumSet.of(VariantMetric.LATENCY_P50, VariantMetric.LATENCY_P90,
            VariantMetric.LATENCY_P99, VariantMetric.LATENCY_MAX, VariantMetric.LATENCY_MEAN, VariantMetric.ERRORS_RATE,
            VariantMetric.REQUESTS_SENT, VariantMetric.REQUESTS_OK, VariantMetric.REQUESTS_FAILED,
            VariantMetric.REQUESTS_LATE, VariantMetric.THROUGHPUT, VariantMetric.ACCURACY);

    public WorkloadMetric {
        if (workload == null || workload.isBlank()) {
            throw new IllegalArgumentException("workload is '" + workload + "'; expected a workload's name");
        }
        if (base == null || !PER_WORKLOAD.contains(base)) {
            throw new IllegalArgumentException(base + " is not a metric of a workload; expected one of " + known());
        }
    }

    /**
     * {@code text} as {@code <workload>.<metric>} when its part after the first dot is a per-workload metric;
     * empty when it is not of that form.
     */
    static Optional<WorkloadMetric> parse(String text) {
        int dot = text.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        return VariantMetric.byKey(text.substring(dot + 1)).filter(PER_WORKLOAD::contains)
                .map(base -> new WorkloadMetric(text.substring(0, dot), base));
    }

    /** "latency.p50, ..., accuracy" for messages. */
    static String known() {
        return PER_WORKLOAD.stream().map(VariantMetric::key).collect(Collectors.joining(", "));
    }

    @Override
    public String key() {
        return workload + "." + base.key();
    }

    @Override
    public BaseUnit unit() {
        return base.unit();
    }

    /** @throws ThresholdException when the variant has no workload of that name */
    @Override
    public double valueOf(VariantResult result) {
        WorkloadResult found = result.workloads().get(workload);
        if (found == null && result.workloads().isEmpty()) {
            throw new ThresholdException("workload '" + workload + "': the run had one workload, whose figures are the"
                    + " variant's; expected '" + base.key() + "'");
        }
        if (found == null) {
            throw new ThresholdException("workload '" + workload + "' is not in this variant; expected one of "
                    + result.workloads().keySet());
        }
        return switch (base) {
            case LATENCY_P50 -> found.latencyMs().p50();
            case LATENCY_P90 -> found.latencyMs().p90();
            case LATENCY_P99 -> found.latencyMs().p99();
            case LATENCY_MAX -> found.latencyMs().max();
            case LATENCY_MEAN -> found.latencyMs().mean();
            case ERRORS_RATE -> found.requests().errorRate();
            case REQUESTS_SENT -> found.requests().sent();
            case REQUESTS_OK -> found.requests().ok();
            case REQUESTS_FAILED -> found.requests().failed();
            case REQUESTS_LATE -> found.requests().late();
            case THROUGHPUT -> found.throughputPerSec();
            case ACCURACY -> found.accuracy();
            default -> throw new IllegalStateException(base + " is not a metric of a workload");
        };
    }

    /** This workload's metric {@code other} (a reference that names no workload reads the same one). */
    WorkloadMetric with(VariantMetric other) {
        return new WorkloadMetric(workload, other);
    }
}
