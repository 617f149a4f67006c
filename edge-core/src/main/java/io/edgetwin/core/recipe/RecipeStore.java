package io.edgetwin.core.recipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The recipes installed on the device, found by component name and version. */
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

    public Recipe find(String name, String version) {
        Recipe recipe = byId.get(name + "@" + version);
        if (recipe == null) {
            throw new RecipeException("no recipe for component '" + name + "' version " + version
                    + "; installed: " + byId.keySet());
        }
        return recipe;
    }
}
