package io.edgetwin.report.headline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How one figure moved from the variant compared with ({@code reference}) to the variant the
 * effect is about ({@code value}), both in {@code unit}; NaN when a side has no value.
 *
 * @param label what the figure is, e.g. {@code p99}
 * @param count whether it is a count (stated as "0 vs 1" and a difference) rather than a measure
 *              (stated as a ratio)
 */
public record Change(String label, double value, double reference, String unit, boolean count) {

    /** Ratios within this share of 1 read "about the same". */
    static final double SAME = 0.02;

    public Change {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
    }

    public boolean known() {
        return !Double.isNaN(value) && !Double.isNaN(reference);
    }

    /** E.g. {@code p99 4.2× lower (49.5 → 11.8 ms)}, {@code OOM kills 0 vs 1}, {@code throttled 0.6 % vs 100 %}, {@code p50 about the same (5.0 ms)}. */
    public String words() {
        if (!known() || count) {
            return label + " " + plain(value) + suffix() + " vs " + plain(reference) + suffix();
        }
        String span = "(" + plain(reference) + " → " + plain(value) + suffix() + ")";
        if (reference == 0 || value == 0) {
            return label + " " + (value == reference ? "the same " : value > reference ? "up " : "down ") + span;
        }
        double ratio = value / reference;
        if (Math.abs(ratio - 1) < SAME) {
            return label + " about the same " + span;
        }
        return label + " " + times(ratio < 1 ? 1 / ratio : ratio) + " " + (ratio < 1 ? "lower" : "higher") + " " + span;
    }

    /** A table cell: {@code ×0.24} for a measure, {@code +1} for a count, {@code –} without both values. */
    public String cell() {
        if (!known()) {
            return "–";
        }
        if (count) {
            double difference = value - reference;
            return (difference > 0 ? "+" : difference < 0 ? "−" : "±") + plain(Math.abs(difference));
        }
        return reference == 0 ? "–" : "×" + round(value / reference, 2);
    }

    private String suffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private static String times(double factor) {
        return round(factor, factor >= 10 ? 0 : 1) + "×";
    }

    static String plain(double number) {
        if (Double.isNaN(number)) {
            return "–";
        }
        return round(number, Math.abs(number) >= 100 ? 0 : 1);
    }

    private static String round(double number, int decimals) {
        return BigDecimal.valueOf(number).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
