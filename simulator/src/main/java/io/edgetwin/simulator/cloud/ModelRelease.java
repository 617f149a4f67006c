package io.edgetwin.simulator.cloud;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A component version whose model comes from the artifact store: the twin image's recipe of
 * {@code component} {@code baseVersion}, republished as {@code version} with the files of {@code model}
 * as {@code s3://} artifacts and its run step pointed at {@code {artifacts:path}}. {@code modelDir} is a
 * user's model folder ({@link ModelFolder}) or null for a model the twin image ships.
 */
public record ModelRelease(String component, String baseVersion, String version, String model, Path modelDir) {

    /** A release of a model the twin image ships. */
    public ModelRelease(String component, String baseVersion, String version, String model) {
        this(component, baseVersion, version, model, null);
    }

    public ModelRelease {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(baseVersion, "baseVersion");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(model, "model");
        if (version.equals(baseVersion)) {
            throw new IllegalArgumentException("release " + component + " " + version
                    + " must have a version of its own; the twin image already ships " + baseVersion);
        }
    }
}
