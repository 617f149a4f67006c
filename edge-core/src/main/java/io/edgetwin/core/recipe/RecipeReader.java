package io.edgetwin.core.recipe;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads Greengrass v2 recipes in YAML or JSON (JSON is read as YAML). Keys are matched without regard to
 * case, as the nucleus does. The {@code run} step comes from the first manifest whose platform is
 * Linux or unspecified, or else from a top-level {@code Lifecycle}.
 */
public final class RecipeReader {

    public Recipe read(Path file) {
        Object document;
        try (Reader reader = Files.newBufferedReader(file)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | YAMLException e) {
            throw new RecipeException(file + ": cannot parse recipe: " + e.getMessage(), e);
        }
        Map<String, Object> recipe = mapping(file, "", document);
        String name = text(file, recipe, "ComponentName");
        String version = text(file, recipe, "ComponentVersion");
        Map<String, Object> configuration = optionalMapping(file, recipe, "ComponentConfiguration");
        Map<String, Object> defaults = configuration == null ? Map.of()
                : orEmpty(optionalMapping(file, configuration, "DefaultConfiguration"));
        return new Recipe(name, version, defaults, runScript(file, recipe));
    }

    private String runScript(Path file, Map<String, Object> recipe) {
        Object manifests = get(recipe, "Manifests");
        if (manifests instanceof List<?> list) {
            for (Object manifest : list) {
                Map<String, Object> m = mapping(file, "Manifests[]", manifest);
                if (matchesLinux(file, m)) {
                    Map<String, Object> lifecycle = optionalMapping(file, m, "Lifecycle");
                    if (lifecycle != null) {
                        return run(file, lifecycle);
                    }
                }
            }
        }
        Map<String, Object> lifecycle = optionalMapping(file, recipe, "Lifecycle");
        if (lifecycle == null) {
            throw new RecipeException(file + ": no Lifecycle for linux; expected a manifest with Platform os linux or '*'");
        }
        return run(file, selection(file, lifecycle));
    }

    /** A top-level lifecycle may be keyed by selection ({@code linux}, {@code all}) or hold the steps directly. */
    private static Map<String, Object> selection(Path file, Map<String, Object> lifecycle) {
        for (String key : List.of("linux", "all")) {
            Map<String, Object> selected = optionalMapping(file, lifecycle, key);
            if (selected != null) {
                return selected;
            }
        }
        return lifecycle;
    }

    private static boolean matchesLinux(Path file, Map<String, Object> manifest) {
        Map<String, Object> platform = optionalMapping(file, manifest, "Platform");
        Object os = platform == null ? null : get(platform, "os");
        return os == null || "*".equals(os) || "linux".equalsIgnoreCase(String.valueOf(os));
    }

    private static String run(Path file, Map<String, Object> lifecycle) {
        Object run = get(lifecycle, "Run");
        if (run instanceof String script) {
            return script;
        }
        if (run instanceof Map<?, ?>) {
            return text(file, mapping(file, "Lifecycle.Run", run), "Script");
        }
        throw new RecipeException(file + ": Lifecycle.Run is missing; expected a script string or {Script: ...}");
    }

    private static String text(Path file, Map<String, Object> map, String key) {
        Object value = get(map, key);
        if (value == null) {
            throw new RecipeException(file + ": " + key + " is missing");
        }
        return String.valueOf(value);
    }

    private static Map<String, Object> orEmpty(Map<String, Object> map) {
        return map == null ? Map.of() : map;
    }

    private static Map<String, Object> optionalMapping(Path file, Map<String, Object> map, String key) {
        Object value = get(map, key);
        return value == null ? null : mapping(file, key, value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Path file, String where, Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new RecipeException(file + ": " + (where.isEmpty() ? "recipe" : where) + " is "
                + (value == null ? "empty" : value.getClass().getSimpleName()) + "; expected a mapping");
    }

    private static Object get(Map<String, Object> map, String key) {
        String wanted = key.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
