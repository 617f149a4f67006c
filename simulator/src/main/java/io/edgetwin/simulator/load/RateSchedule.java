package io.edgetwin.simulator.load;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * A schedule from a rate that may change over time: the gap after a request is {@code 1 / rate} at
 * its send time, either exactly (even spacing) or drawn from an exponential distribution (Poisson).
 */
final class RateSchedule implements Schedule {

    private final LongToDoubleFunction perSecondAt;
    private final long endNanos;
    private final SplittableRandom random;
    private double nextNanos;

    private RateSchedule(LongToDoubleFunction perSecondAt, Duration duration, SplittableRandom random) {
        this.perSecondAt = perSecondAt;
        this.endNanos = duration.toNanos();
        this.random = random;
        this.nextNanos = random == null ? 0 : gap(0);
    }

    static Schedule evenly(LongToDoubleFunction perSecondAt, Duration duration) {
        return new RateSchedule(perSecondAt, duration, null);
    }

    static Schedule exponential(LongToDoubleFunction perSecondAt, Duration duration, SplittableRandom random) {
        return new RateSchedule(perSecondAt, duration, random);
    }

    @Override
    public long next() {
        long current = Math.round(nextNanos);
        if (current >= endNanos) {
            return END;
        }
        nextNanos += gap(current);
        return current;
    }

    private double gap(long atNanos) {
        double mean = 1e9 / perSecondAt.applyAsDouble(atNanos);
        return random == null ? mean : -Math.log(1 - random.nextDouble()) * mean;
    }
}
