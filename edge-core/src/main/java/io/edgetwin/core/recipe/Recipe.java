package io.edgetwin.core.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A component recipe as it applies to this device: its identity, default configuration and
 * dependencies, the first manifest whose platform matched (empty when none did) and the lifecycle
 * resolved for that manifest and its selections. {@code source} names the file for messages.
 * {@code lambda} holds how a Lambda component runs, read from its recipe defaults (present for
 * {@code aws.greengrass.lambda} recipes whose manifest matched this device).
 */
public record Recipe(String source, String name, String version, ComponentType type,
                     Map<String, Object> defaultConfiguration, Map<String, Dependency> dependencies,
                     Optional<Manifest> manifest, Lifecycle lifecycle, DevicePlatform platform,
                     Optional<LambdaParameters> lambda) {

    public Recipe {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "ComponentName");
        Objects.requireNonNull(version, "ComponentVersion");
        Objects.requireNonNull(type, "ComponentType");
        // Not Map.copyOf: a configuration key may hold null (YAML "key:" with no value).
        defaultConfiguration = Collections.unmodifiableMap(new LinkedHashMap<>(defaultConfiguration));
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(lambda, "lambda");
    }

    /** A recipe that is not a Lambda function's. */
    public Recipe(String source, String name, String version, ComponentType type,
                  Map<String, Object> defaultConfiguration, Map<String, Dependency> dependencies,
                  Optional<Manifest> manifest, Lifecycle lifecycle, DevicePlatform platform) {
        this(source, name, version, type, defaultConfiguration, dependencies, manifest, lifecycle, platform, Optional.empty());
    }

    public String id() {
        return name + "@" + version;
    }

    /** The chosen manifest's artifacts; none when no manifest matched. */
    public List<Artifact> artifacts() {
        return manifest.map(Manifest::artifacts).orElse(List.of());
    }

    /**
     * The script of the {@code run} step on this device.
     *
     * @throws RecipeException naming the file and the component when there is none, e.g. because no
     *                         manifest matches the platform or the component only has a {@code startup}
     */
    public String runScript() {
        return lifecycle.step(Step.RUN).map(LifecycleStep::script).orElseThrow(() -> new RecipeException(source
                + ": recipe '" + name + "' " + version + " has no run step for " + platform + "; " + why()));
    }

    /**
     * The lifecycle on this device.
     *
     * @throws RecipeException naming the file and the component when it has no step at all here, e.g.
     *                         because no manifest matches the platform
     */
    public Lifecycle requireLifecycle() {
        if (lifecycle.steps().isEmpty()) {
            throw new RecipeException(source + ": recipe '" + name + "' " + version + " has no lifecycle steps for "
                    + platform + "; " + why());
        }
        return lifecycle;
    }

    private String why() {
        if (manifest.isEmpty()) {
            return "no manifest matches this platform";
        }
        List<String> steps = lifecycle.steps().keySet().stream().map(Step::key).toList();
        return "the lifecycle of Manifests[" + manifest.get().index() + "] has " + (steps.isEmpty() ? "no steps" : "only " + steps);
    }
}
