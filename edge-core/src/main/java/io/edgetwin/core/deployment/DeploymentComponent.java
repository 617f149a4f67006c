package io.edgetwin.core.deployment;

import io.edgetwin.core.resources.ResourceLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a deployment's {@code components}: which version, how to update its configuration
 * ({@code reset} pointers, then {@code merge}; see {@link ConfigurationUpdate}), what limits.
 */
public record DeploymentComponent(String name, String version, Map<String, Object> configurationMerge,
                                  List<String> configurationReset, ResourceLimits limits) {

    public DeploymentComponent {
        Objects.requireNonNull(name, "component name");
        Objects.requireNonNull(version, () -> "components." + name + ".version");
        // Not Map.copyOf: a merge may set a key to null.
        configurationMerge = Collections.unmodifiableMap(new LinkedHashMap<>(configurationMerge));
        configurationReset = List.copyOf(configurationReset);
        Objects.requireNonNull(limits, "limits");
    }

    /** An entry without reset pointers. */
    public DeploymentComponent(String name, String version, Map<String, Object> configurationMerge, ResourceLimits limits) {
        this(name, version, configurationMerge, List.of(), limits);
    }

    public ConfigurationUpdate configurationUpdate() {
        return new ConfigurationUpdate(configurationMerge, configurationReset);
    }
}
