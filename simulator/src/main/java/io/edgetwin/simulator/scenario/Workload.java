package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.load.Arrival;
import java.time.Duration;
import java.util.Objects;

/**
 * The load sent to the target component of every twin: first for {@code warmup} (sent, not measured),
 * then for {@code duration} (measured), arriving as {@code arrival} says. Open rates are per twin.
 *
 * @param name  how reports and thresholds name it ({@code defect.latency.p99}) when a scenario runs several
 * @param topic the target's topic segment: requests go to {@code edgetwin/<thing>/<topic>/request} (its
 *              configuration's {@code topic}, else its recipe's, else {@code inference})
 */
public record Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples, String name,
                       String topic) {

    /** A workload named after its samples' model family ({@code anomaly} for {@code anomaly-mlp}), on topic inference. */
    public Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples) {
        this(target, arrival, warmup, duration, samples, family(samples), DEFAULT_TOPIC);
    }

    public static final String DEFAULT_TOPIC = "inference";

    /** This workload sending to {@code segment}. */
    public Workload onTopic(String segment) {
        return new Workload(target, arrival, warmup, duration, samples, name, segment);
    }

    public Workload {
        Objects.requireNonNull(target, "target");
        if (topic == null || !topic.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("topic segment '" + topic + "'; expected letters, digits, '-' or '_'");
        }
        if (name == null || !name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("workload name '" + name + "'; expected lower-case letters, digits, '-' or"
                    + " '_', starting with a letter");
        }
        Objects.requireNonNull(arrival, "arrival");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup " + warmup + " must not be negative");
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration " + duration + " must be positive");
        }
    }

    /**
     * The part of a model's or samples' name before its first '-', as a workload name: {@code defect} for
     * {@code defect-cnn-x4}; characters a name cannot hold become '_', and one not starting with a letter
     * is prefixed {@code w}.
     */
    public static String family(String model) {
        int dash = model.indexOf('-');
        String family = (dash < 0 ? model : model.substring(0, dash)).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "_");
        return family.matches("[a-z].*") ? family : "w" + family;
    }
}
