package io.edgetwin.report;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How sure a run is of one comparison: {@code variant}'s percentile over {@code baseline}'s, with a
 * bootstrap over 1 s windows (docs/report.md, "Confidence"). Gates read the one-sided bounds: "below
 * 0.5 × baseline with 95 % confidence" holds when {@code upper["95"] < 0.5}.
 *
 * @param metric             {@code latency.p50} or {@code latency.p99}
 * @param ratio              the metric over every window of every repeat, pooled, variant over baseline
 * @param low                2.5th percentile of the resampled ratios (two-sided 95 % interval)
 * @param high               97.5th percentile of the resampled ratios
 * @param upper              one-sided upper bounds by confidence in percent ("90", "95", "99")
 * @param lower              one-sided lower bounds by confidence in percent
 * @param probabilityBelow   share of resamples in which the variant's metric was below the baseline's
 * @param resamples          how many resamples; {@code seed} makes them reproducible
 */
public record RatioInterval(String metric, String variant, String baseline, double ratio, double low, double high,
                            Map<String, Double> upper, Map<String, Double> lower, double probabilityBelow,
                            int resamples, long seed) {

    public RatioInterval {
        Objects.requireNonNull(metric, "comparisons.metric");
        Checks.name("comparisons.variant", variant);
        Checks.name("comparisons.baseline", baseline);
        upper = Checks.orderedCopy("comparisons.upper", upper);
        lower = Checks.orderedCopy("comparisons.lower", lower);
        if (!(low <= high)) {
            throw new IllegalArgumentException("comparisons " + metric + " " + variant + "/" + baseline + ": low " + low
                    + " > high " + high + "; expected low <= high");
        }
        if (!(probabilityBelow >= 0) || probabilityBelow > 1) {
            throw new IllegalArgumentException("comparisons.probabilityBelow is " + probabilityBelow + "; expected [0, 1]");
        }
        Checks.positive("comparisons.resamples", resamples);
    }

    /** E.g. {@code limited latency.p99 / unlimited = 0.22 (95 % interval 0.18–0.27; lower in 100.0 % of 2000 resamples)}. */
    public String sentence() {
        return String.format(Locale.ROOT, "%s %s / %s = %.2f (95 %% interval %.2f–%.2f; lower in %.1f %% of %d resamples)",
                variant, metric, baseline, ratio, low, high, probabilityBelow * 100, resamples);
    }
}
