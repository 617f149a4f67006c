package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import io.edgetwin.report.VariantResult;

/**
 * {@code memory.peak ... of limit}: a memory peak as a fraction of the cap it ran under, so one
 * threshold ({@code memory.peak.component[NAME] < 80% of limit}) holds whatever the cap is. The
 * device's peak is measured against the twin's applied memory cap, a component's against its
 * declared memory limit; a component without one gives no value, which fails.
 */
public record OfLimit(Metric base) implements Metric {

    static final String SUFFIX = "of limit";

    public OfLimit {
        if (!appliesTo(base)) {
            throw new IllegalArgumentException("'" + SUFFIX + "' applies to memory.peak and memory.peak.component[NAME];"
                    + " found " + (base == null ? null : base.key()));
        }
    }

    static boolean appliesTo(Metric metric) {
        return metric == VariantMetric.MEMORY_PEAK
                || metric instanceof ComponentMetric component && component.kind() == ComponentMetric.Kind.MEMORY_PEAK;
    }

    @Override
    public String key() {
        return base.key() + " " + SUFFIX;
    }

    @Override
    public BaseUnit unit() {
        return BaseUnit.FRACTION;
    }

    @Override
    public double valueOf(VariantResult result) {
        double peak = base.valueOf(result);
        double limit = base instanceof ComponentMetric component ? component.memoryLimitBytes(result)
                : result.device().memoryBytes();
        return peak / limit;
    }
}
