package io.edgetwin.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The scenario's {@code artifacts} section: which artifact store serves S3 ({@code auto},
 * {@code embedded} or {@code localstack}) and the releases published to it. Absent, twins get their
 * deployment document at start and no store runs.
 */
public record ArtifactSettings(String store, List<Release> releases) {

    public static final ArtifactSettings NONE = new ArtifactSettings("", List.of());

    public ArtifactSettings {
        Objects.requireNonNull(store, "store");
        releases = List.copyOf(releases);
    }

    /** Whether the run deploys through the cloud side (store + deployment jobs). */
    public boolean enabled() {
        return !store.isEmpty();
    }

    public boolean releases(String component, String version) {
        return releases.stream().anyMatch(r -> r.component().equals(component) && r.version().equals(version));
    }
}
