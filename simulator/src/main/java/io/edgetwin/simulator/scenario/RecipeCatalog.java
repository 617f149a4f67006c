package io.edgetwin.simulator.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The components a twin can run: name and version of every recipe shipped in the twin image, and the
 * model an inference recipe loads by default ({@code ComponentConfiguration.DefaultConfiguration.model}).
 * The harness reads only these keys, so it can refuse an unknown component before starting anything.
 */
public final class RecipeCatalog {

    private final Set<String> ids;
    private final Map<String, Map<String, String>> defaults;

    private RecipeCatalog(Set<String> ids, Map<String, Map<String, String>> defaults) {
        this.ids = ids;
        this.defaults = defaults;
    }

    public static RecipeCatalog of(Set<String> ids) {
        return new RecipeCatalog(new TreeSet<>(ids), Map.of());
    }

    /** A catalog with the scalar default configuration of some recipes (id → key → value). */
    public static RecipeCatalog of(Set<String> ids, Map<String, Map<String, String>> defaults) {
        return new RecipeCatalog(new TreeSet<>(ids), Map.copyOf(defaults));
    }

    public static RecipeCatalog load(Path recipesDir) {
        Set<String> ids = new TreeSet<>();
        Map<String, Map<String, String>> defaults = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(recipesDir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).toList()) {
                Map<?, ?> recipe = recipe(file);
                String id = value(recipe, "componentname") + "@" + value(recipe, "componentversion");
                ids.add(id);
                defaults.put(id, scalarDefaults(recipe));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list recipes in " + recipesDir, e);
        }
        return new RecipeCatalog(ids, Map.copyOf(defaults));
    }

    /**
     * A scalar of the recipe's {@code DefaultConfiguration}, e.g. {@code model} (only inference components have
     * one) or {@code topic}; empty when the recipe has none.
     */
    public java.util.Optional<String> defaultOf(String name, String version, String key) {
        return java.util.Optional.ofNullable(defaults.getOrDefault(name + "@" + version, Map.of()).get(key));
    }

    public boolean contains(String name, String version) {
        return ids.contains(name + "@" + version);
    }

    public Set<String> ids() {
        return ids;
    }

    /** Read within the scenario reader's limits: a recipe beside the image is a user's file too. */
    private static Map<?, ?> recipe(Path file) {
        Object recipe = Plain.of(ScenarioYaml.load(file).root());
        if (!(recipe instanceof Map<?, ?> fields)) {
            throw new ScenarioException(file + ": expected a recipe: a mapping with ComponentName and ComponentVersion");
        }
        return fields;
    }

    private static Map<String, String> scalarDefaults(Map<?, ?> recipe) {
        Map<String, String> scalars = new java.util.HashMap<>();
        if (value(recipe, "componentconfiguration") instanceof Map<?, ?> configuration
                && value(configuration, "defaultconfiguration") instanceof Map<?, ?> defaults) {
            defaults.forEach((key, value) -> {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    scalars.put(String.valueOf(key), String.valueOf(value));
                }
            });
        }
        return Map.copyOf(scalars);
    }

    private static Object value(Map<?, ?> recipe, String lowerCaseKey) {
        return recipe.entrySet().stream()
                .filter(e -> String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).equals(lowerCaseKey))
                .<Object>map(Map.Entry::getValue)
                .findFirst().orElse("?");
    }
}
