package io.edgetwin.core.recipe;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a resolved lifecycle: the shell script and how to run it. {@link #timeout()} is the
 * recipe's {@code Timeout} or else the step's default ({@link Step#defaultTimeout()}); {@code setenv}
 * holds only this step's variables (see {@link Lifecycle#environment(Step)} for the effective ones).
 */
public record LifecycleStep(Step step, String script, boolean requiresPrivilege, Optional<SkipIf> skipIf,
                            Optional<Duration> timeout, Map<String, String> setenv) {

    public LifecycleStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(skipIf, "skipIf");
        Objects.requireNonNull(timeout, "timeout");
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException(step.key() + " Timeout is " + t + "; expected a positive duration");
            }
        });
        setenv = Collections.unmodifiableMap(new LinkedHashMap<>(setenv));
    }

    /** A step given as a plain script: no privilege, no skip condition, the default timeout. */
    public static LifecycleStep script(Step step, String script) {
        return new LifecycleStep(step, script, false, Optional.empty(), step.defaultTimeout(), Map.of());
    }
}
