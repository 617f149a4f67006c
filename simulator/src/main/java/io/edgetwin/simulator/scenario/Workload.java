package io.edgetwin.simulator.scenario;

import io.edgetwin.simulator.load.Arrival;
import io.edgetwin.simulator.samples.SampleSource;
import java.time.Duration;
import java.util.Objects;

/**
 * The load sent to the target component of every twin: first for {@code warmup} (sent, not measured),
 * then for {@code duration} (measured), arriving as {@code arrival} says. Open rates are per twin.
 *
 * @param name    how reports and thresholds name it ({@code defect.latency.p99}) when a scenario runs several
 * @param topic   the target's topic segment: requests go to {@code edgetwin/<thing>/<topic>/request} (its
 *                configuration's {@code topic}, else its recipe's, else {@code inference})
 * @param samples names the inputs as the scenario wrote them (a built-in model's name, or the user's file)
 * @param input   where the inputs are read from
 */
public record Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples, String name,
                       String topic, SampleSource input) {

    public static final String DEFAULT_TOPIC = "inference";

    /** A workload sending the held-out samples of the built-in model {@code samples}, named after its family, on topic inference. */
    public Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples) {
        this(target, arrival, warmup, duration, samples, family(samples), DEFAULT_TOPIC, new SampleSource.BuiltIn(samples));
    }

    /** A workload sending the inputs {@code input}, named after the family of {@code samples}, on topic inference. */
    public Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples, SampleSource input) {
        this(target, arrival, warmup, duration, samples, family(samples), DEFAULT_TOPIC, input);
    }

    /** A named workload sending the held-out samples of the built-in model {@code samples} to {@code topic}. */
    public Workload(String target, Arrival arrival, Duration warmup, Duration duration, String samples, String name,
                    String topic) {
        this(target, arrival, warmup, duration, samples, name, topic, new SampleSource.BuiltIn(samples));
    }

    /** This workload sending to {@code segment}. */
    public Workload onTopic(String segment) {
        return new Workload(target, arrival, warmup, duration, samples, name, segment, input);
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
        Objects.requireNonNull(input, "input");
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
