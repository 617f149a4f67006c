package io.edgetwin.core.deployment;

import io.edgetwin.core.resources.ResourceLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One entry of a deployment's {@code components}: which version, what configuration to merge, what limits. */
public record DeploymentComponent(String name, String version, Map<String, Object> configurationMerge,
                                  ResourceLimits limits) {

    public DeploymentComponent {
        Objects.requireNonNull(name, "component name");
        Objects.requireNonNull(version, () -> "components." + name + ".version");
        // Not Map.copyOf: a merge may set a key to null.
        configurationMerge = Collections.unmodifiableMap(new LinkedHashMap<>(configurationMerge));
        Objects.requireNonNull(limits, "limits");
    }
}
