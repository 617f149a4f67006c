package io.edgetwin.report;

import java.util.Locale;

/**
 * How a threshold with a confidence ({@code latency.p99 < 0.5 * unlimited.latency.p99 with 95% confidence})
 * was decided: the ratio of this variant's metric to the other's, the one-sided bound of its bootstrap
 * interval at {@code confidence}, and the factor the bound had to beat.
 *
 * @param confidence in percent: 90, 95 or 99
 * @param upper      true when the threshold is {@code <} or {@code <=} (the upper bound must be below the
 *                   factor), false for {@code >} or {@code >=} (the lower bound must be above it)
 * @param ratio      this variant's metric over the other's, every window pooled
 * @param bound      the one-sided bound; {@code null} when the run had too few windows for an interval,
 *                   which fails the threshold
 * @param factor     the threshold's factor, e.g. 0.5
 */
public record RatioCheck(int confidence, boolean upper, double ratio, Double bound, double factor) {

    public RatioCheck {
        if (confidence <= 0 || confidence >= 100) {
            throw new IllegalArgumentException("ratioCheck.confidence is " + confidence + "; expected a percentage in (0, 100)");
        }
    }

    /** E.g. {@code with 95 % confidence the ratio is at most 0.31 (measured 0.22); the bound is 0.5}. */
    public String sentence() {
        if (bound == null) {
            return String.format(Locale.ROOT, "the ratio was %.2f but the run had too few windows for a %d %% interval",
                    ratio, confidence);
        }
        return String.format(Locale.ROOT, "with %d %% confidence the ratio is at %s %.2f (measured %.2f); the factor is %s",
                confidence, upper ? "most" : "least", bound, ratio, Double.toString(factor).replaceAll("\\.0$", ""));
    }
}
