package io.edgetwin.simulator.scenario;

import java.util.Objects;

/**
 * A component version the run publishes to its artifact store before any twin starts: the twin image's
 * recipe of {@code component} {@code from}, republished as {@code version} with {@code model}'s files as
 * {@code s3://} artifacts.
 */
public record Release(String component, String from, String version, String model) {

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
