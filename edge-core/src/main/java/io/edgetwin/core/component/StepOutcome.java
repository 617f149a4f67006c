package io.edgetwin.core.component;

import io.edgetwin.core.recipe.Step;
import java.time.Duration;
import java.util.Objects;

/**
 * How one lifecycle step ended: skipped by its {@code Skipif}, exited with a code, killed at its
 * timeout, or never started (the shell could not be run).
 */
public record StepOutcome(Step step, Kind kind, int exitCode, String detail) {

    /** The ways a step can end. */
    public enum Kind { SKIPPED, EXITED, TIMED_OUT, NOT_STARTED }

    public StepOutcome {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    static StepOutcome skipped(Step step, String why) {
        return new StepOutcome(step, Kind.SKIPPED, 0, why);
    }

    static StepOutcome exited(Step step, int code) {
        return new StepOutcome(step, Kind.EXITED, code, "exit " + code);
    }

    static StepOutcome timedOut(Step step, Duration timeout, int code) {
        return new StepOutcome(step, Kind.TIMED_OUT, code, "killed after the " + timeout.toSeconds() + " s timeout");
    }

    static StepOutcome notStarted(Step step, String why) {
        return new StepOutcome(step, Kind.NOT_STARTED, -1, why);
    }

    /** Skipped, or exited 0. */
    public boolean succeeded() {
        return kind == Kind.SKIPPED || (kind == Kind.EXITED && exitCode == 0);
    }

    public boolean timedOut() {
        return kind == Kind.TIMED_OUT;
    }
}
