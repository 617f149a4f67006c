package io.edgetwin.core.recipe;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lifecycle of a component on this device, after the manifest was chosen and selection keys were
 * resolved: the steps it has, and the {@code Setenv} that applies to all of them.
 */
public record Lifecycle(Map<Step, LifecycleStep> steps, Map<String, String> setenv) {

    public static final Lifecycle EMPTY = new Lifecycle(Map.of(), Map.of());

    public Lifecycle {
        steps = steps.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(steps));
        steps.forEach((step, s) -> {
            if (s.step() != step) {
                throw new IllegalArgumentException("lifecycle entry " + step + " holds a " + s.step() + " step");
            }
        });
        setenv = Collections.unmodifiableMap(new LinkedHashMap<>(setenv));
    }

    public Optional<LifecycleStep> step(Step step) {
        return Optional.ofNullable(steps.get(step));
    }

    /** The lifecycle-wide {@code Setenv} overlaid by the step's own. */
    public Map<String, String> environment(Step step) {
        Map<String, String> env = new LinkedHashMap<>(setenv);
        step(step).ifPresent(s -> env.putAll(s.setenv()));
        return Collections.unmodifiableMap(env);
    }
}
