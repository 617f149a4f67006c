package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.load.Arrival;
import java.time.Duration;
import java.util.Objects;

/**
 * The load sent to the target component of every twin: first for {@code warmup} (sent, not measured),
 * then for {@code duration} (measured), arriving as {@code arrival} says. Open rates are per twin.
 */
public record Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples) {

    public Workload {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(arrival, "arrival");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup " + warmup + " must not be negative");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration " + duration + " must be positive");
        }
    }
}
