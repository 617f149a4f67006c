package io.edgetwin.simulator.sizing;

import java.util.function.DoubleUnaryOperator;

/**
 * Geometric bisection for the smallest passing value in {@code [low, high]}: {@code high} is known to
 * pass, {@code low} is taken to fail without a trial. Each step tries {@code sqrt(low × high)}, so the
 * bracket's ratio is square-rooted per trial; it stops when {@code high <= low × (1 + resolution)}, which
 * takes {@link #steps} trials at most (docs/sizing.md shows the arithmetic).
 */
final class Bisection {

    private final double resolution;
    private final DoubleUnaryOperator round;
    private final int maxSteps;
    private double low;
    private double high;
    private int steps;

    Bisection(double low, double high, double resolution, DoubleUnaryOperator round) {
        this.low = low;
        this.high = high;
        this.resolution = resolution;
        this.round = round;
        this.maxSteps = steps(low, high, resolution);
    }

    /** The trials needed to shrink {@code high / low} to at most {@code 1 + resolution}: ceil(log2(ln(high/low) / ln(1+r))). */
    static int steps(double low, double high, double resolution) {
        double halvings = Math.log(high / low) / Math.log(1 + resolution);
        return halvings <= 1 ? 0 : (int) Math.ceil(Math.log(halvings) / Math.log(2));
    }

    boolean done() {
        double next = next();
        return steps >= maxSteps || high <= low * (1 + resolution) || next <= low || next >= high;
    }

    /** The value the next trial should try. */
    double next() {
        return round.applyAsDouble(Math.sqrt(low * high));
    }

    void record(double value, boolean passed) {
        if (passed) {
            high = value;
        } else {
            low = value;
        }
        steps++;
    }

    /** The smallest value that passed (or the starting top). */
    double found() {
        return high;
    }

    double low() {
        return low;
    }
}
