package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.VariantResult;

/**
 * What a threshold measures: one number read from a {@link VariantResult}, in a {@link BaseUnit}.
 * Either a fixed metric of the variant ({@link VariantMetric}), a metric of one named component
 * ({@link ComponentMetric}), a memory peak as a fraction of its limit ({@link OfLimit}) or a metric of one
 * workload of several ({@link WorkloadMetric}).
 */
public sealed interface Metric permits VariantMetric, ComponentMetric, OfLimit, WorkloadMetric {

    /** The metric as written in a threshold, e.g. {@code latency.p99}. */
    String key();

    BaseUnit unit();

    /**
     * The value in {@link #unit()}; {@code NaN} when the run gives the metric no value (errors.rate
     * when nothing was sent, a resource figure with no series).
     *
     * @throws ThresholdException when the metric names something the variant does not have
     */
    double valueOf(VariantResult result);
}
