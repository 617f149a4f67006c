package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.samples.SampleSource;
import java.time.Duration;
import java.util.Objects;

/**
 * The load sent to the target component of every twin: first for {@code warmup} (sent, not measured),
 * then for {@code duration} (measured), arriving as {@code arrival} says. Open rates are per twin.
 * {@code samples} names the inputs as the scenario wrote them (a built-in model's name, or the user's
 * file); {@code input} is where they are read from.
 */
public record Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples,
                       SampleSource input) {

    /** A workload sending the held-out samples of the built-in model {@code samples}. */
    public Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples) {
        this(target, arrival, warmup, duration, samples, new SampleSource.BuiltIn(samples));
    }

    public Workload {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(arrival, "arrival");
        Objects.requireNonNull(input, "input");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup " + warmup + " must not be negative");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration " + duration + " must be positive");
        }
    }
}
