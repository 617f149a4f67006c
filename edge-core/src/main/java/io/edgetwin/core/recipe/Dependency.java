package io.edgetwin.core.recipe;

import java.util.Objects;

/**
 * One entry of {@code ComponentDependencies}: which versions of the other component satisfy this one,
 * and whether this component must restart when that one does ({@link Type#HARD}, the default) or not.
 */
public record Dependency(String component, VersionRange versionRequirement, Type type) {

    public enum Type { HARD, SOFT }

    public Dependency {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(versionRequirement, "versionRequirement");
        Objects.requireNonNull(type, "type");
    }
}
