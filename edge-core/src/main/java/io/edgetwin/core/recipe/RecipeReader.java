package io.edgetwin.core.recipe;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Greengrass v2 recipes (YAML, or JSON for {@code .json} files) and resolves them for one device
 * platform. Keys and enum values are matched without regard to case, as the nucleus does. The whole
 * recipe is validated, including manifests and selection branches this device would not use; the first
 * error is thrown as a {@link RecipeException} naming the file, the field path and what was expected.
 * Fields the core does not know are not errors: they are reported as warnings and ignored.
 *
 * <p>Steps: document → header → dependencies → configuration → manifests → lifecycles → resolve.
 */
public final class RecipeReader {

    public static final String FORMAT_VERSION = "2020-01-25";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_.]+");
    private static final List<String> RECIPE_KEYS = List.of("RecipeFormatVersion", "ComponentName", "ComponentVersion",
            "ComponentType", "ComponentDescription", "ComponentPublisher", "ComponentSource", "ComponentConfiguration",
            "ComponentDependencies", "Manifests", "Lifecycle");
    private static final Logger LOG = LoggerFactory.getLogger(RecipeReader.class);

    private final DevicePlatform device;

    /** A reader for Linux on the architecture this JVM runs on. */
    public RecipeReader() {
        this(DevicePlatform.current());
    }

    public RecipeReader(DevicePlatform device) {
        this.device = device;
    }

    /** Reads the file; warnings are logged as {@code recipe-warning} events. */
    public Recipe read(Path file) {
        return read(file, warning -> logWarning(file.toString(), warning));
    }

    /**
     * Reads the file: a regular file of at most 1 MiB of UTF-8 (see {@code DocumentLimits}); anything
     * else, and every problem in it, is a {@link RecipeException} starting with {@code file:line:column}.
     */
    public Recipe read(Path file, Consumer<String> warnings) {
        return resolve(RecipeDocument.read(file), warnings);
    }

    /** Like {@link #parse(String, String, Consumer)}, logging the warnings. */
    public Recipe parse(String source, String text) {
        return parse(source, text, warning -> logWarning(source, warning));
    }

    private static void logWarning(String source, String warning) {
        LOG.atWarn().addKeyValue("file", source).addKeyValue("detail", warning).log("recipe-warning");
    }

    /** @param source names the text in messages; a name ending in {@code .json} is read as JSON */
    public Recipe parse(String source, String text, Consumer<String> warnings) {
        return resolve(RecipeDocument.parse(source, text), warnings);
    }

    private Recipe resolve(RecipeNode document, Consumer<String> warnings) {
        RecipeNode recipe = document.asMap("a recipe: a mapping with RecipeFormatVersion,"
                + " ComponentName, ComponentVersion and Manifests");
        Set<String> found = new LinkedHashSet<>();
        recipe.unknownKeys(RECIPE_KEYS).forEach(path -> found.add(path + " is not a recipe field; ignored"));
        formatVersion(recipe.field("RecipeFormatVersion"));
        String name = name(recipe.field("ComponentName"));
        String version = version(recipe.field("ComponentVersion"));
        ComponentType type = type(recipe.field("ComponentType"));
        scalar(recipe.field("ComponentDescription"), "the component's description as text");
        scalar(recipe.field("ComponentPublisher"), "the component's publisher as text");
        Map<String, Dependency> dependencies = dependencies(recipe.field("ComponentDependencies"), found::add);
        Map<String, Object> defaults = defaultConfiguration(recipe.field("ComponentConfiguration"), found::add);
        ManifestChoice.Resolution resolution = new ManifestChoice(device, found::add).resolve(recipe);
        Optional<LambdaParameters> lambda = type == ComponentType.LAMBDA && resolution.manifest().isPresent()
                ? Optional.of(new LambdaParametersReader(recipe::place).read(resolution.lifecycle().setenv(),
                        "Lifecycle.Setenv", defaults, "ComponentConfiguration.DefaultConfiguration"))
                : Optional.empty();
        found.forEach(warnings);
        return new Recipe(recipe.source(), name, version, type, defaults, dependencies, resolution.manifest(),
                resolution.lifecycle(), device, lambda);
    }

    private static void formatVersion(RecipeNode node) {
        if (!FORMAT_VERSION.equals(node.raw())) {
            throw node.expected("'" + FORMAT_VERSION + "', the only recipe format there is");
        }
    }

    /** Text, a number or a boolean (the nucleus reads them as text), or nothing; never a list or mapping. */
    private static void scalar(RecipeNode node, String expected) {
        if (node.isMap() || node.isList()) {
            throw node.expected(expected);
        }
    }

    private static String name(RecipeNode node) {
        String expected = "a component name of letters, digits, '-', '_' and '.' (at most 128 characters)";
        String name = node.text(expected);
        if (name.length() > 128 || !NAME.matcher(name).matches()) {
            throw node.expected(expected);
        }
        return name;
    }

    private static String version(RecipeNode node) {
        String expected = "a semantic version such as '1.0.0' (quoted in YAML; at most 64 characters)";
        String version = node.text(expected);
        if (version.length() > 64) {
            throw node.error("is " + version.length() + " characters long; expected " + expected);
        }
        Semver parsed;
        try {
            parsed = Semver.parse(version);
        } catch (IllegalArgumentException e) {
            throw node.error("is not valid: " + e.getMessage());
        }
        if (!parsed.withinNucleusRange()) {
            throw node.error("is '" + version + "'; expected MAJOR.MINOR.PATCH each at most " + Semver.MAX_PART
                    + ", as the nucleus accepts");
        }
        return version;
    }

    private static ComponentType type(RecipeNode node) {
        if (node.isAbsent()) {
            return ComponentType.GENERIC;
        }
        String expected = "one of aws.greengrass.generic, aws.greengrass.lambda, aws.greengrass.plugin,"
                + " aws.greengrass.nucleus";
        return ComponentType.fromRecipe(node.text(expected)).orElseThrow(() -> node.expected(expected));
    }

    private static Map<String, Dependency> dependencies(RecipeNode node, Consumer<String> warnings) {
        Map<String, Dependency> dependencies = new LinkedHashMap<>();
        if (node.isMissing()) {
            return dependencies;
        }
        String expected = "{VersionRequirement: RANGE, DependencyType: HARD or SOFT}";
        node.entries("dependencies keyed by component name: {NAME: " + expected + "}").forEach((component, entry) -> {
            if (!NAME.matcher(component).matches() || component.length() > 128) {
                throw entry.error("is not a component name; expected letters, digits, '-', '_' and '.'");
            }
            entry.asMap(expected);
            entry.unknownKeys(List.of("VersionRequirement", "DependencyType")).forEach(path ->
                    warnings.accept(path + " is not a dependency field; ignored"));
            RecipeNode requirement = entry.field("VersionRequirement");
            String range = requirement.text("an npm-style version range such as '>=1.0.0 <2.0.0' or '^1.2.0'");
            VersionRange parsed;
            try {
                parsed = VersionRange.parse(range);
            } catch (IllegalArgumentException e) {
                throw requirement.error("is not valid: " + e.getMessage());
            }
            Dependency.Type type = ManifestReader.choice(entry.field("DependencyType"), Dependency.Type.class)
                    .orElse(Dependency.Type.HARD);
            dependencies.put(component, new Dependency(component, parsed, type));
        });
        return dependencies;
    }

    private static Map<String, Object> defaultConfiguration(RecipeNode node, Consumer<String> warnings) {
        if (node.isMissing()) {
            return Map.of();
        }
        node.asMap("{DefaultConfiguration: {...}}");
        node.unknownKeys(List.of("DefaultConfiguration")).forEach(path ->
                warnings.accept(path + " is not a configuration field; ignored"));
        RecipeNode defaults = node.field("DefaultConfiguration");
        if (defaults.isMissing()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) jsonTree(defaults.asMap("a configuration mapping (JSON object)").raw());
        return tree;
    }

    /** The configuration as JSON sees it: YAML keys that are numbers or booleans become text. */
    private static Object jsonTree(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), jsonTree(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(jsonTree(v)));
            return copy;
        }
        return value;
    }
}
