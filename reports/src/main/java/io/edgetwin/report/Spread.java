package io.edgetwin.report;

import java.util.Collection;
import java.util.Locale;

/**
 * One metric over the repeats of a run: the median and the whole range. With the few repeats a run
 * affords (3–10) the range is the honest spread; an inter-quartile range of three values says nothing.
 */
public record Spread(double median, double min, double max) {

    public Spread {
        if (!(min <= median) || !(median <= max)) {
            throw new IllegalArgumentException("spread " + min + " <= " + median + " <= " + max
                    + " does not hold; expected min <= median <= max");
        }
    }

    /** The spread of {@code values}; the median of an even count is the mean of the middle two. */
    public static Spread of(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Spread(median, sorted[0], sorted[n - 1]);
    }

    /** E.g. {@code 12.6 [11.9–14.0]} with {@code decimals} 1. */
    public String format(int decimals) {
        String number = "%." + decimals + "f";
        return String.format(Locale.ROOT, number + " [" + number + "–" + number + "]", median, min, max);
    }
}
