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
 * The components a twin can run: name and version of every recipe shipped in the twin image. The
 * harness reads only these two keys, so it can refuse an unknown component before starting anything.
 */
public final class RecipeCatalog {

    private final Set<String> ids;

    private RecipeCatalog(Set<String> ids) {
        this.ids = ids;
    }

    public static RecipeCatalog of(Set<String> ids) {
        return new RecipeCatalog(new TreeSet<>(ids));
    }

    public static RecipeCatalog load(Path recipesDir) {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(recipesDir)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.(ya?ml|json)$")).toList()) {
                ids.add(id(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list recipes in " + recipesDir, e);
        }
        return new RecipeCatalog(ids);
    }

    public boolean contains(String name, String version) {
        return ids.contains(name + "@" + version);
    }

    public Set<String> ids() {
        return ids;
    }

    /** Read within the scenario reader's limits: a recipe beside the image is a user's file too. */
    private static String id(Path file) {
        Object recipe = Plain.of(ScenarioYaml.load(file).root());
        if (!(recipe instanceof Map<?, ?> fields)) {
            throw new ScenarioException(file + ": expected a recipe: a mapping with ComponentName and ComponentVersion");
        }
        return value(fields, "componentname") + "@" + value(fields, "componentversion");
    }

    private static Object value(Map<?, ?> recipe, String lowerCaseKey) {
        return recipe.entrySet().stream()
                .filter(e -> String.valueOf(e.getKey()).toLowerCase(Locale.ROOT).equals(lowerCaseKey))
                .<Object>map(Map.Entry::getValue)
                .findFirst().orElse("?");
    }
}
