package io.edgetwin.simulator.sizing;

import java.util.function.Consumer;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;

/**
 * Geometric bisection for the smallest passing value inside a bracket {@code [low, high]} of a range
 * {@code [min, max]} (docs/sizing.md). Each step tries {@code sqrt(low × high)}; it stops when
 * {@code high <= low × (1 + resolution)} with {@code high} seen to pass and {@code low} seen to fail (or
 * {@code low} the bottom of the range, {@code high} its top, which the top check passed).
 *
 * <p>A bracket guessed from an observation may be wrong on either side. A {@link Low#GUESSED} bottom is
 * bisected above as if it failed and tried itself only if no trial below the bracket's top failed by the
 * time the bracket closes; a {@link Low#TRY_FIRST} bottom is tried before anything else. A bottom that
 * passes widens the bracket downward to {@code [low / w, low]}, whose new bottom is tried first (the
 * observation has misled once). A top not known to pass is tried when the bracket has closed on it without
 * a pass; if it fails, the bracket widens upward to {@code [high, high × w]}. {@code w} is the bracket's own
 * ratio {@code high / low} as built ({@link #widening} may set another), and squares with each further widening
 * in the same direction, so a far-off guess reaches the range's end in logarithmically many widenings. Each
 * widening is reported through {@code note}. The outcome is a pure function of the trials' outcomes.
 */
final class SeededBisection {

    /** What is known of the bracket's bottom. */
    enum Low {
        /** Seen to fail, the bottom of the range, or a bound the caller vouches for: never tried. */
        FAILS,
        /** A guess: tried only if the bracket closes without a failure inside it. */
        GUESSED,
        /** A guess that is tried before any other value. */
        TRY_FIRST
    }

    private final double min;
    private final double max;
    private final double resolution;
    private final DoubleUnaryOperator round;
    private final DoubleFunction<String> label;
    private final Consumer<String> note;
    private double low;
    private double high;
    private Low lowKnown;
    private boolean highPasses;
    private double widenDown;
    private double widenUp;

    /**
     * @param lowKnown   what is known of {@code low}
     * @param highPasses whether {@code high} is known to pass
     * @param label      prints a value the way the option takes it ({@code 144m}, {@code 0.221})
     */
    SeededBisection(double min, double max, double low, double high, Low lowKnown, boolean highPasses,
                    double resolution, DoubleUnaryOperator round, DoubleFunction<String> label, Consumer<String> note) {
        if (!(min > 0) || !(min <= low) || !(low < high) || !(high <= max)) {
            throw new IllegalArgumentException("bracket " + low + ".." + high + " must lie inside " + min + ".." + max);
        }
        this.min = min;
        this.max = max;
        this.low = low;
        this.high = high;
        this.lowKnown = low <= min ? Low.FAILS : lowKnown;
        this.highPasses = highPasses || high >= max;
        this.resolution = resolution;
        this.round = round;
        this.label = label;
        this.note = note;
        widening(high / low);
    }

    /** This bisection widening a wrong guess first by {@code factor} (above 1) instead of the bracket's own ratio. */
    SeededBisection widening(double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("widening factor " + factor + " must be above 1");
        }
        this.widenDown = factor;
        this.widenUp = factor;
        return this;
    }

    /** The trials a bisection of {@code high / low} to at most {@code 1 + resolution} takes: ceil(log2(ln(high/low) / ln(1+r))). */
    static int steps(double low, double high, double resolution) {
        double halvings = Math.log(high / low) / Math.log(1 + resolution);
        return halvings <= 1 ? 0 : (int) Math.ceil(Math.log(halvings) / Math.log(2));
    }

    /** The trials this bracket takes if its guessed bounds hold: the bisection, plus a bottom tried first. */
    int budget() {
        return steps(low, high, resolution) + (lowKnown == Low.TRY_FIRST ? 1 : 0);
    }

    boolean done() {
        return lowKnown == Low.FAILS && highPasses && closed();
    }

    /** The value the next trial should try. */
    double next() {
        if (lowKnown == Low.TRY_FIRST || lowKnown == Low.GUESSED && closed()) {
            return low;
        }
        return closed() ? high : middle();
    }

    void record(double value, boolean passed) {
        if (lowKnown != Low.FAILS && value == low) {
            lowTried(passed);
        } else if (!highPasses && value == high && closed()) {
            highTried(passed);
        } else if (passed) {
            high = value;
            highPasses = true;
        } else {
            low = value;
            lowKnown = Low.FAILS;
        }
    }

    private void lowTried(boolean passed) {
        if (!passed) {
            lowKnown = Low.FAILS;
            return;
        }
        String was = label.apply(low) + ".." + label.apply(high);
        high = low;
        highPasses = true;
        low = Math.max(min, round.applyAsDouble(low / widenDown));
        widenDown *= widenDown;
        lowKnown = low <= min ? Low.FAILS : Low.TRY_FIRST;
        if (low >= high) {
            low = min;
            lowKnown = Low.FAILS;
        }
        note.accept("the bracket's bottom passed: " + was + " widened downward to " + label.apply(low) + ".." + label.apply(high));
    }

    private void highTried(boolean passed) {
        if (passed) {
            highPasses = true;
            return;
        }
        String was = label.apply(low) + ".." + label.apply(high);
        low = high;
        high = Math.min(max, round.applyAsDouble(high * widenUp));
        widenUp *= widenUp;
        highPasses = high >= max;
        if (high <= low) {
            high = max;
            highPasses = true;
        }
        note.accept("the bracket's top failed: " + was + " widened upward to " + label.apply(low) + ".." + label.apply(high));
    }

    private boolean closed() {
        double middle = middle();
        return high <= low * (1 + resolution) || middle <= low || middle >= high;
    }

    private double middle() {
        return round.applyAsDouble(Math.sqrt(low * high));
    }

    /** The smallest value that passed (or the top of the range). */
    double found() {
        return high;
    }

    double low() {
        return low;
    }
}
