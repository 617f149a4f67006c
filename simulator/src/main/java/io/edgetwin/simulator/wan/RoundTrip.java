package io.edgetwin.simulator.wan;

import java.time.Duration;
import java.util.List;

/**
 * A round-trip-time distribution, sampled by inverse transform: {@link #nanosAt(double)} maps a
 * uniform draw in [0, 1) to a round trip. Closed set: a fixed round trip, or quantiles read off a
 * published measurement with straight lines between them.
 */
public sealed interface RoundTrip {

    /** The round trip at cumulative probability {@code u} (0 ≤ u ≤ 1), in nanoseconds. */
    long nanosAt(double u);

    /** The same distribution shifted by {@code extra} (a link fault's added delay, both ways). */
    RoundTrip plus(Duration extra);

    /** No delay at all. */
    RoundTrip ZERO = new Fixed(Duration.ZERO);

    static RoundTrip fixed(Duration rtt) {
        return new Fixed(rtt);
    }

    /** Quantiles as {@code p, milliseconds} pairs, e.g. {@code quantiles(0, 20, 0.5, 50, 1, 120)}. */
    static RoundTrip quantiles(double... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("quantiles take (p, ms) pairs; got " + pairs.length + " numbers");
        }
        Quantile[] points = new Quantile[pairs.length / 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = new Quantile(pairs[2 * i], pairs[2 * i + 1]);
        }
        return new Quantiles(List.of(points));
    }

    /** Every round trip is {@code rtt}. */
    record Fixed(Duration rtt) implements RoundTrip {
        public Fixed {
            if (rtt.isNegative()) {
                throw new IllegalArgumentException("round trip " + rtt + " must not be negative");
            }
        }

        @Override
        public long nanosAt(double u) {
            return rtt.toNanos();
        }

        @Override
        public RoundTrip plus(Duration extra) {
            return new Fixed(rtt.plus(extra));
        }
    }

    /** One point of the cumulative distribution: a share {@code p} of round trips took at most {@code ms}. */
    record Quantile(double p, double ms) {
        public Quantile {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("quantile p " + p + " must be between 0 and 1");
            }
            if (!(ms >= 0) || Double.isInfinite(ms)) {
                throw new IllegalArgumentException("round trip " + ms + " ms at p " + p + " must be a finite, non-negative number");
            }
        }
    }

    /**
     * A piecewise-linear inverse distribution through {@code points}: the first at p 0 (the fastest
     * round trip), the last at p 1 (the slowest), p strictly and milliseconds never decreasing.
     */
    record Quantiles(List<Quantile> points) implements RoundTrip {
        public Quantiles {
            points = List.copyOf(points);
            if (points.size() < 2 || points.get(0).p() != 0 || points.get(points.size() - 1).p() != 1) {
                throw new IllegalArgumentException("quantiles " + points + " must start at p 0 and end at p 1");
            }
            for (int i = 1; i < points.size(); i++) {
                Quantile before = points.get(i - 1);
                Quantile at = points.get(i);
                if (at.p() <= before.p() || at.ms() < before.ms()) {
                    throw new IllegalArgumentException("quantile " + at + " follows " + before
                            + "; expected p to rise and milliseconds not to fall");
                }
            }
        }

        @Override
        public long nanosAt(double u) {
            double clamped = Math.max(0, Math.min(1, u));
            for (int i = 1; i < points.size(); i++) {
                Quantile lo = points.get(i - 1);
                Quantile hi = points.get(i);
                if (clamped <= hi.p()) {
                    double ms = lo.ms() + (hi.ms() - lo.ms()) * (clamped - lo.p()) / (hi.p() - lo.p());
                    return Math.round(ms * 1_000_000);
                }
            }
            return Math.round(points.get(points.size() - 1).ms() * 1_000_000);
        }

        @Override
        public RoundTrip plus(Duration extra) {
            double ms = extra.toNanos() / 1e6;
            return new Quantiles(points.stream().map(q -> new Quantile(q.p(), q.ms() + ms)).toList());
        }
    }
}
