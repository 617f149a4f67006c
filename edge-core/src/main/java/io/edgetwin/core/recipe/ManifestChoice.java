package io.edgetwin.core.recipe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a recipe's {@code Manifests}, validates every lifecycle in it, and picks what this device runs:
 * the first manifest whose platform matches, with its own {@code Lifecycle} when that is not empty,
 * else the recipe's top-level {@code Lifecycle} resolved through the manifest's selections.
 */
final class ManifestChoice {

    /** The chosen manifest (empty when no platform matched) and the lifecycle resolved for it. */
    record Resolution(Optional<Manifest> manifest, Lifecycle lifecycle) {
    }

    private final DevicePlatform device;
    private final Consumer<String> warnings;

    ManifestChoice(DevicePlatform device, Consumer<String> warnings) {
        this.device = device;
        this.warnings = warnings;
    }

    Resolution resolve(RecipeNode recipe) {
        RecipeNode list = recipe.field("Manifests");
        if (list.isMissing()) {
            throw list.expected("a list of manifests, e.g. [{Platform: {os: linux}, Lifecycle: {run: ...}}]");
        }
        List<RecipeNode> nodes = list.elements("a list of manifests", ManifestReader.MANIFEST);
        if (nodes.isEmpty()) {
            throw list.error("is empty; expected at least one manifest");
        }
        List<Manifest> manifests = new ArrayList<>();
        ManifestReader reader = new ManifestReader(warnings);
        for (int i = 0; i < nodes.size(); i++) {
            manifests.add(reader.read(i, nodes.get(i)));
        }
        Set<String> selectionKeys = new LinkedHashSet<>();
        manifests.forEach(m -> selectionKeys.addAll(m.selections()));
        validateLifecycles(recipe, nodes, selectionKeys);
        for (Manifest manifest : manifests) {
            if (manifest.platform().matches(device)) {
                RecipeNode own = nodes.get(manifest.index()).field("Lifecycle");
                RecipeNode lifecycle = own.isMap() && !own.entries("a lifecycle").isEmpty() ? own : recipe.field("Lifecycle");
                Selections selections = Selections.forDevice(selectionKeys, manifest.selections());
                return new Resolution(Optional.of(manifest), new LifecycleReader(selections, warnings).read(lifecycle));
            }
        }
        return new Resolution(Optional.empty(), Lifecycle.EMPTY);
    }

    /** Every branch of every lifecycle, so a mistake in a part for another platform is found here too. */
    private void validateLifecycles(RecipeNode recipe, List<RecipeNode> manifests, Set<String> selectionKeys) {
        LifecycleReader validator = new LifecycleReader(Selections.everyBranch(selectionKeys), warnings);
        manifests.forEach(m -> validator.read(m.field("Lifecycle")));
        validator.read(recipe.field("Lifecycle"));
    }
}
