package io.edgetwin.core.recipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a {@code Lifecycle} mapping into a {@link Lifecycle}, resolving selection keys at any level
 * through {@link Selections}. A step is a script string or {@code {Script, RequiresPrivilege, Skipif,
 * Timeout, Setenv}}. Keys that are not steps or step fields are reported as warnings and ignored, as
 * Greengrass ignores them.
 *
 * <p>Every value is read through {@link Selections#choose}, which gives the one branch this device
 * takes, or every branch when validating; the loops below keep the last value read, which on a device
 * is the only one.
 */
final class LifecycleReader {

    private static final List<String> LIFECYCLE_KEYS = lifecycleKeys();
    private static final List<String> STEP_FIELDS = List.of("Script", "RequiresPrivilege", "Skipif", "Timeout", "Setenv");
    private static final String STEP = "a script, or {Script, RequiresPrivilege, Skipif, Timeout, Setenv}";

    private final Selections selections;
    private final Consumer<String> warnings;

    LifecycleReader(Selections selections, Consumer<String> warnings) {
        this.selections = selections;
        this.warnings = warnings;
    }

    /** An absent lifecycle, or one whose selection keys are all inactive, is empty. */
    Lifecycle read(RecipeNode lifecycle) {
        if (lifecycle.isMissing()) {
            return Lifecycle.EMPTY;
        }
        Lifecycle result = Lifecycle.EMPTY;
        for (RecipeNode branch : selections.choose(lifecycle.asMap("a lifecycle: steps such as run or install,"
                + " optionally keyed by selection such as linux or all"), false)) {
            result = steps(branch.asMap("a lifecycle: steps such as run or install"));
        }
        return result;
    }

    private Lifecycle steps(RecipeNode lifecycle) {
        Map<Step, LifecycleStep> steps = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            step(step, lifecycle.field(step.key())).ifPresent(s -> steps.put(step, s));
        }
        Map<String, String> setenv = setenv(lifecycle.field("Setenv"));
        lifecycle.unknownKeys(LIFECYCLE_KEYS).forEach(path -> warnings.accept(path + " is not a lifecycle step;"
                + " expected one of " + LIFECYCLE_KEYS + "; ignored"));
        return new Lifecycle(steps, setenv);
    }

    /** A step given without a value ({@code run:}) does nothing, as in the nucleus: it is left out. */
    private Optional<LifecycleStep> step(Step step, RecipeNode node) {
        Optional<LifecycleStep> result = Optional.empty();
        if (node.isMissing()) {
            return result;
        }
        for (RecipeNode branch : selections.choose(node, false)) {
            result = branch.isMissing() ? Optional.empty()
                    : branch.isText() ? Optional.of(LifecycleStep.script(step, branch.text(STEP))) : detailed(step, branch);
        }
        return result;
    }

    private Optional<LifecycleStep> detailed(Step step, RecipeNode node) {
        node.asMap(STEP);
        RecipeNode scriptNode = node.field("Script");
        if (scriptNode.isMissing()) {
            throw scriptNode.expected("the step's shell script");
        }
        String script = null;
        for (RecipeNode branch : selections.choose(scriptNode, false)) {
            script = branch.text("the step's shell script");
        }
        boolean privileged = requiresPrivilege(node.field("RequiresPrivilege"));
        Optional<SkipIf> skipIf = skipIf(node.field("Skipif"));
        Optional<Duration> timeout = timeout(node.field("Timeout")).or(step::defaultTimeout);
        Map<String, String> setenv = setenv(node.field("Setenv"));
        node.unknownKeys(STEP_FIELDS).forEach(path -> warnings.accept(path + " is not a step field; expected one of "
                + STEP_FIELDS + "; ignored"));
        // No active branch of a selection-keyed Script: the step does not exist on this device.
        return script == null ? Optional.empty()
                : Optional.of(new LifecycleStep(step, script, privileged, skipIf, timeout, setenv));
    }

    private boolean requiresPrivilege(RecipeNode node) {
        boolean privileged = false;
        for (RecipeNode branch : chosen(node, false)) {
            Object value = branch.raw();
            if (value instanceof Boolean b) {
                privileged = b;
            } else if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                privileged = Boolean.parseBoolean(s);
            } else {
                throw branch.expected("true or false");
            }
        }
        return privileged;
    }

    private Optional<SkipIf> skipIf(RecipeNode node) {
        Optional<SkipIf> skipIf = Optional.empty();
        for (RecipeNode branch : chosen(node, false)) {
            String expected = "'onpath PROGRAM' or 'exists FILE'";
            skipIf = Optional.of(SkipIf.parse(branch.text(expected)).orElseThrow(() -> branch.expected(expected)));
        }
        return skipIf;
    }

    private Optional<Duration> timeout(RecipeNode node) {
        Optional<Duration> timeout = Optional.empty();
        for (RecipeNode branch : chosen(node, false)) {
            Object value = branch.raw();
            String text = value instanceof Integer || value instanceof Long ? value.toString()
                    : value instanceof String s ? s.trim() : "";
            if (!text.matches("[0-9]{1,9}") || Long.parseLong(text) == 0) {
                throw branch.expected("a whole number of seconds greater than 0");
            }
            timeout = Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        return timeout;
    }

    private Map<String, String> setenv(RecipeNode node) {
        Map<String, String> env = new LinkedHashMap<>();
        for (RecipeNode branch : chosen(node, true)) {
            env.clear();
            branch.entries("environment variables {NAME: value}").forEach((name, value) -> {
                Object v = value.raw();
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw value.expected("a text, number or boolean value (quote '' for an empty one)");
                }
                env.put(name, v.toString());
            });
        }
        return env;
    }

    /** Nothing for an absent field; an error for a field given without a value. */
    private List<RecipeNode> chosen(RecipeNode node, boolean valuesAreMaps) {
        if (node.isNull()) {
            throw node.expected("a value, or leave the field out");
        }
        if (node.isAbsent()) {
            return List.of();
        }
        return selections.choose(node, valuesAreMaps);
    }

    private static List<String> lifecycleKeys() {
        List<String> keys = new ArrayList<>();
        for (Step step : Step.values()) {
            keys.add(step.key());
        }
        keys.add("Setenv");
        return List.copyOf(keys);
    }
}
