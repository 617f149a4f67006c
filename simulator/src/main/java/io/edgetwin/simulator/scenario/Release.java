package io.edgetwin.simulator.scenario;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A component version the run publishes to its artifact store before any twin starts: the twin image's
 * recipe of {@code component} {@code from}, republished as {@code version} with {@code model}'s files as
 * {@code s3://} artifacts. {@code modelDir} is the user's model folder (manifest and model file) when
 * {@code model} names one, relative to the scenario file; null for a model the twin image ships.
 */
public record Release(String component, String from, String version, String model, Path modelDir) {

    /** A release of a model the twin image ships. */
    public Release(String component, String from, String version, String model) {
        this(component, from, version, model, null);
    }

    public Release {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
    }

    public String id() {
        return component + "@" + version;
    }
}
