package io.edgetwin.core.recipe;

import java.util.Arrays;
import java.util.Optional;

/** Greengrass {@code ComponentType}; the core runs only generic components, but reads them all. */
public enum ComponentType {
    GENERIC("aws.greengrass.generic"),
    LAMBDA("aws.greengrass.lambda"),
    PLUGIN("aws.greengrass.plugin"),
    NUCLEUS("aws.greengrass.nucleus");

    private final String recipeName;

    ComponentType(String recipeName) {
        this.recipeName = recipeName;
    }

    /** The value as recipes spell it, e.g. {@code aws.greengrass.generic}. */
    public String recipeName() {
        return recipeName;
    }

    /** Matches without regard to case, as Greengrass does. */
    public static Optional<ComponentType> fromRecipe(String text) {
        return Arrays.stream(values()).filter(t -> t.recipeName.equalsIgnoreCase(text)).findFirst();
    }

    @Override
    public String toString() {
        return recipeName;
    }
}
