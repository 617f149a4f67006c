package io.edgetwin.report.gate;

import io.edgetwin.report.BaseUnit;
import java.util.Objects;

/**
 * The right side of a threshold, in the left metric's base unit: a fixed number
 * ({@link Constant}, {@code 50ms}) or another measurement scaled and shifted
 * ({@link Reference}, {@code 0.5 * unlimited.latency.p99}, {@code baseline.errors.rate + 0.5%}).
 */
public sealed interface Operand {

    /** A number already converted to the metric's base unit ({@code 1s} is 1000 ms). */
    record Constant(double value) implements Operand {
        public Constant {
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("limit is " + value + "; expected a finite number >= 0");
            }
        }
    }

    /**
     * {@code factor * <source>.<metric> + offset}: the bound is computed from another measurement
     * when the threshold is checked.
     *
     * @param factor how many times the other value, > 0 (1 when not written)
     * @param offset added after scaling, in the metric's base unit; negative for {@code - 0.5%}
     */
    record Reference(Source source, Metric metric, double factor, double offset) implements Operand {
        public Reference {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(metric, "metric");
            if (!Double.isFinite(factor) || factor <= 0) {
                throw new IllegalArgumentException("factor is " + factor + "; expected a finite number > 0");
            }
            if (!Double.isFinite(offset)) {
                throw new IllegalArgumentException("offset is " + offset + "; expected a finite number");
            }
        }

        /** The bound for {@code other}, the referenced metric's value. */
        public double bound(double other) {
            return factor * other + offset;
        }

        public BaseUnit unit() {
            return metric.unit();
        }

        /** E.g. {@code unlimited.latency.p99}. */
        public String describe() {
            return source.prefix() + metric.key();
        }
    }
}
