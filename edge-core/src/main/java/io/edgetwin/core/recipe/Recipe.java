package io.edgetwin.core.recipe;

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
        defaultConfiguration = Map.copyOf(defaultConfiguration);
        Objects.requireNonNull(runScript, "run script");
    }

    public String id() {
        return name + "@" + version;
    }
}
