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
 * device are loaded at start; those of cloud components are added when a deployment fetches them. A
 * component version that is not known yet is looked for again in the directory, so a recipe put there
 * after the core started (as a local deployment brings its own recipes) is found by the next
 * deployment that names it. A store made {@link #onFirstUse} reads the directory only when a
 * deployment first asks for a recipe, so a core that has nothing to deploy loads no YAML parser.
 */
public final class RecipeStore {

    private final Path dir;
    private Map<String, Recipe> byId;

    private RecipeStore(Path dir, Map<String, Recipe> byId) {
        this.dir = dir;
        this.byId = byId;
    }

    /** Reads every {@code .yaml}, {@code .yml} and {@code .json} file of {@code dir}; a broken one fails the load. */
    public static RecipeStore load(Path dir) {
        return new RecipeStore(dir, read(dir));
    }

    /**
     * The same store, read when it is first used: a broken file then fails that first lookup (the
     * deployment that needed a recipe is REJECTED naming the file), not the core's start.
     */
    public static RecipeStore onFirstUse(Path dir) {
        return new RecipeStore(dir, null);
    }

    /** False also when the directory cannot be read yet: {@link #find} reads it again and says why. */
    public synchronized boolean contains(String name, String version) {
        try {
            return recipes().containsKey(name + "@" + version);
        } catch (RecipeException | UncheckedIOException e) {
            return false;
        }
    }

    /** Installs a recipe fetched for a deployment; a recipe with the same name and version is replaced. */
    public synchronized void add(Recipe recipe) {
        if (!contains(recipe.name(), recipe.version()) && byId == null) {
            byId = new TreeMap<>();
        }
        byId.put(recipe.id(), recipe);
    }

    /** Throws naming the component and what is installed when there is no such recipe, even after a re-read. */
    public synchronized Recipe find(String name, String version) {
        String id = name + "@" + version;
        Map<String, Recipe> byId = recipes();
        if (!byId.containsKey(id)) {
            byId.putAll(read(dir));
        }
        Recipe recipe = byId.get(id);
        if (recipe == null) {
            throw new RecipeException("no recipe for component '" + name + "' version " + version
                    + "; installed: " + byId.keySet());
        }
        return recipe;
    }

    private Map<String, Recipe> recipes() {
        if (byId == null) {
            byId = read(dir);
        }
        return byId;
    }

    private static Map<String, Recipe> read(Path dir) {
        Map<String, Recipe> byId = new TreeMap<>();
        RecipeReader reader = new RecipeReader();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$"))
                    .sorted()
                    .map(reader::read)
                    .forEach(recipe -> byId.put(recipe.id(), recipe));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list recipes in " + dir, e);
        }
        return byId;
    }
}
