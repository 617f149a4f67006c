package io.edgetwin.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A linear axis from {@code min} to {@code max} with "nice" ticks (steps of 1, 2 or 5 times a power
 * of ten), or with ticks given by the chart (the percentile axis).
 */
record Axis(double min, double max, List<Double> ticks, DoubleFunction<String> label) {

    /** An axis covering {@code low..high}, widened to whole ticks, about {@code count} of them. */
    static Axis nice(double low, double high, int count, DoubleFunction<String> label) {
        if (!(high > low)) {
            high = low + 1;
        }
        double rough = (high - low) / count;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = power * (rough / power < 1.5 ? 1 : rough / power < 3.5 ? 2 : rough / power < 7.5 ? 5 : 10);
        double start = Math.floor(low / step) * step;
        double end = Math.ceil(high / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double tick = start; tick <= end + step / 2; tick += step) {
            ticks.add(Math.abs(tick) < step / 1e6 ? 0 : tick);
        }
        return new Axis(start, end, ticks, label);
    }

    /** Where {@code value} falls between {@code from} (at min) and {@code to} (at max). */
    double position(double value, double from, double to) {
        return from + (value - min) / (max - min) * (to - from);
    }
}
