package io.edgetwin.core.component;

import io.edgetwin.core.recipe.Dependency;
import io.edgetwin.core.recipe.LambdaParameters;
import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.resources.ResourceLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core runs for one component: the effective configuration, the lifecycle resolved from it
 * (variables interpolated in every script and {@code Setenv} value), its limits and the dependencies
 * its recipe declares; for a Lambda component, how its function runs ({@code lambda}, read from the
 * effective configuration).
 */
public record ComponentSpec(String name, String version, Map<String, Object> configuration, Lifecycle lifecycle,
                            ResourceLimits limits, Map<String, Dependency> dependencies,
                            Optional<LambdaParameters> lambda) {

    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        // Not Map.copyOf: a configuration value may be null.
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(limits, "limits");
        dependencies = Collections.unmodifiableMap(new LinkedHashMap<>(dependencies));
        Objects.requireNonNull(lambda, "lambda");
    }

    /** A component that is not a Lambda function. */
    public ComponentSpec(String name, String version, Map<String, Object> configuration, Lifecycle lifecycle,
                         ResourceLimits limits, Map<String, Dependency> dependencies) {
        this(name, version, configuration, lifecycle, limits, dependencies, Optional.empty());
    }

    public ComponentSpec withLimits(ResourceLimits newLimits) {
        return new ComponentSpec(name, version, configuration, lifecycle, newLimits, dependencies, lambda);
    }

    public ComponentSpec withConfiguration(Map<String, Object> newConfiguration) {
        return new ComponentSpec(name, version, newConfiguration, lifecycle, limits, dependencies, lambda);
    }

    /** True when this component cannot run without {@code component} (a HARD dependency). */
    public boolean needs(String component) {
        Dependency dependency = dependencies.get(component);
        return dependency != null && dependency.type() == Dependency.Type.HARD;
    }
}
