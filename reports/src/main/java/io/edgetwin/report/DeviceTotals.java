package io.edgetwin.report;

/**
 * Whole-twin resource figures of a variant, derived from its {@code device} series (the container's
 * cgroup as the host sees it). With several twins each figure is that of the worst twin: a fleet
 * gate is about the device that suffers, not the average. {@code NaN} when the variant has no
 * device series or they cover no time.
 */
public final class DeviceTotals {

    private DeviceTotals() {
    }

    /** Throttled CPU periods / CPU periods over the run, of the most throttled twin. */
    public static double throttleRatio(VariantResult variant) {
        double worst = Double.NaN;
        for (ResourceSeries series : variant.series()) {
            ResourceSamples s = series.samples();
            if (!series.isDevice() || s.size() < 2) {
                continue;
            }
            long periods = s.periods()[s.size() - 1] - s.periods()[0];
            if (periods > 0) {
                double ratio = (double) (s.throttledPeriods()[s.size() - 1] - s.throttledPeriods()[0]) / periods;
                worst = Double.isNaN(worst) ? ratio : Math.max(worst, ratio);
            }
        }
        return worst;
    }

    /** Major page faults per second over the run, of the twin that faulted most: the thrash signal. */
    public static double majorFaultsPerSec(VariantResult variant) {
        double worst = Double.NaN;
        for (ResourceSeries series : variant.series()) {
            ResourceSamples s = series.samples();
            if (!series.isDevice() || s.size() < 2) {
                continue;
            }
            long millis = s.tMs()[s.size() - 1] - s.tMs()[0];
            if (millis > 0) {
                double rate = (s.majorFaults()[s.size() - 1] - s.majorFaults()[0]) * 1000.0 / millis;
                worst = Double.isNaN(worst) ? rate : Math.max(worst, rate);
            }
        }
        return worst;
    }
}
