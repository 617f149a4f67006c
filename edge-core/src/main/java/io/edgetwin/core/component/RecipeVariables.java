package io.edgetwin.core.component;

import io.edgetwin.core.document.PlainJson;
import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.LifecycleStep;
import io.edgetwin.core.recipe.Step;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interpolates Greengrass recipe variables in lifecycle scripts and {@code Setenv} values: {@code {configuration:/json/pointer}},
 * {@code {kernel:rootPath}}, {@code {iot:thingName}}, {@code {work:path}} and {@code {artifacts:path}}.
 * An unknown variable or a pointer to nothing is an error, not an empty string. As in Greengrass,
 * {@code {artifacts:path}} is per component version ({@code artifacts/<name>/<version>}), so a
 * rollback finds the previous version's files untouched.
 */
public final class RecipeVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\{(configuration|kernel|iot|work|artifacts):([^}]*)}");

    private final String component;
    private final String version;
    private final Map<String, Object> configuration;
    private final Path rootPath;
    private final String thingName;

    public RecipeVariables(String component, String version, Map<String, Object> configuration, Path rootPath,
                           String thingName) {
        this.component = component;
        this.version = version;
        this.configuration = configuration;
        this.rootPath = rootPath;
        this.thingName = thingName;
    }

    /** Every step's script and every {@code Setenv} value interpolated; timeouts, skip conditions and privileges kept. */
    public Lifecycle interpolate(Lifecycle lifecycle) {
        Map<Step, LifecycleStep> steps = new EnumMap<>(Step.class);
        lifecycle.steps().forEach((step, s) -> steps.put(step, new LifecycleStep(step, interpolate(s.script()),
                s.requiresPrivilege(), s.skipIf(), s.timeout(), interpolate(s.setenv()))));
        return new Lifecycle(steps, interpolate(lifecycle.setenv()));
    }

    private Map<String, String> interpolate(Map<String, String> setenv) {
        Map<String, String> out = new LinkedHashMap<>();
        setenv.forEach((name, value) -> out.put(name, interpolate(value)));
        return out;
    }

    public String interpolate(String script) {
        Matcher m = VARIABLE.matcher(script);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String value(String namespace, String key) {
        return switch (namespace + ":" + key) {
            case "kernel:rootPath" -> rootPath.toString();
            case "iot:thingName" -> thingName;
            case "work:path" -> rootPath.resolve("work").resolve(component).toString();
            case "artifacts:path" -> artifactsPath(rootPath, component, version).toString();
            default -> configurationValue(namespace, key);
        };
    }

    /** Where the artifacts of one component version live on the device. */
    public static Path artifactsPath(Path rootPath, String component, String version) {
        return rootPath.resolve("artifacts").resolve(component).resolve(version);
    }

    private String configurationValue(String namespace, String pointer) {
        if (!namespace.equals("configuration")) {
            throw new IllegalArgumentException("component '" + component + "': unknown recipe variable {"
                    + namespace + ":" + pointer + "}");
        }
        return PlainJson.textAt(configuration, pointer).orElseThrow(() -> new IllegalArgumentException("component '"
                + component + "': {configuration:" + pointer + "} points at nothing in the configuration "
                + PlainJson.write(configuration)));
    }
}
