package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.VariantResult;

/**
 * What a threshold measures: one number read from a {@link VariantResult}, in a {@link BaseUnit}.
 * Either a fixed metric of the variant ({@link VariantMetric}) or the OOM kills of one named
 * component ({@link ComponentOomKills}).
 */
public sealed interface Metric permits VariantMetric, ComponentOomKills {

    /** The metric as written in a threshold, e.g. {@code latency.p99}. */
    String key();

    BaseUnit unit();

    /**
     * The value in {@link #unit()}; {@code NaN} when the run gives the metric no value (errors.rate
     * when nothing was sent).
     *
     * @throws ThresholdException when the metric names something the variant does not have
     */
    double valueOf(VariantResult result);
}
