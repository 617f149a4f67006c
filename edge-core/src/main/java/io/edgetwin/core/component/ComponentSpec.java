package io.edgetwin.core.component;

import io.edgetwin.core.resources.ResourceLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the core runs for one component: the effective configuration, the script resolved from it
 * (variables interpolated) and its limits.
 */
public record ComponentSpec(String name, String version, Map<String, Object> configuration, String runScript,
                            ResourceLimits limits) {

    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        // Not Map.copyOf: a configuration value may be null.
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Objects.requireNonNull(runScript, "runScript");
        Objects.requireNonNull(limits, "limits");
    }

    public ComponentSpec withLimits(ResourceLimits newLimits) {
        return new ComponentSpec(name, version, configuration, runScript, newLimits);
    }
}
