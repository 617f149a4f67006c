package io.edgetwin.core.recipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The recipes installed on the device, found by component name and version. Recipes shipped with the
 * device are loaded at start; those of cloud components are added when a deployment fetches them.
 */
public final class RecipeStore {

    private final Map<String, Recipe> byId = new TreeMap<>();

    public static RecipeStore load(Path dir) {
        RecipeStore store = new RecipeStore();
        RecipeReader reader = new RecipeReader();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .map(reader::read)
                    .forEach(recipe -> store.byId.put(recipe.id(), recipe));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list recipes in " + dir, e);
        }
        return store;
    }

    public synchronized boolean contains(String name, String version) {
        return byId.containsKey(name + "@" + version);
    }

    /** Installs a recipe fetched for a deployment; a recipe with the same name and version is replaced. */
    public synchronized void add(Recipe recipe) {
        byId.put(recipe.id(), recipe);
    }

    public synchronized Recipe find(String name, String version) {
        Recipe recipe = byId.get(name + "@" + version);
        if (recipe == null) {
            throw new RecipeException("no recipe for component '" + name + "' version " + version
                    + "; installed: " + byId.keySet());
        }
        return recipe;
    }
}
