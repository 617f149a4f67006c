package io.edgetwin.core.recipe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a recipe's {@code Manifests}: the platform it is for, the selection keys it picks from a
 * top-level {@code Lifecycle}, and its artifacts. Its position is kept so messages can name it.
 */
public record Manifest(int index, Optional<String> name, Platform platform, List<String> selections,
                       List<Artifact> artifacts) {

    public Manifest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(platform, "platform");
        selections = List.copyOf(selections);
        artifacts = List.copyOf(artifacts);
    }
}
