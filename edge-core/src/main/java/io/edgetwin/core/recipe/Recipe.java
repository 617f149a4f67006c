package io.edgetwin.core.recipe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One component recipe, reduced to what the core runs: its identity, default configuration and the
 * {@code run} step of the manifest that matches this device.
 */
public record Recipe(String name, String version, Map<String, Object> defaultConfiguration, String runScript) {

    public Recipe {
        Objects.requireNonNull(name, "ComponentName");
        Objects.requireNonNull(version, "ComponentVersion");
        // Not Map.copyOf: a configuration key may hold null (YAML "key:" with no value).
        defaultConfiguration = Collections.unmodifiableMap(new LinkedHashMap<>(defaultConfiguration));
        Objects.requireNonNull(runScript, "run script");
    }

    public String id() {
        return name + "@" + version;
    }
}
