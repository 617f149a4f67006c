package io.edgetwin.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The load sent to the target component: requests at a constant rate, first for {@code warmup} (not
 * measured), then for {@code duration} (measured).
 */
public record Workload(String target, double ratePerSecond, Duration warmup, Duration duration, String samples) {

    public Workload {
        Objects.requireNonNull(target, "target");
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("rate " + ratePerSecond + "/s must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup " + warmup + " must not be negative");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration " + duration + " must be positive");
        }
    }

    public Duration period() {
        return Duration.ofNanos(Math.round(1_000_000_000L / ratePerSecond));
    }
}
