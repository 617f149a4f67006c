package io.edgetwin.core.component;

import io.edgetwin.core.recipe.Step;

/**
 * Why a component is in its state, beside the state on the status topic (Greengrass's component status
 * codes, plus {@link #OOM_KILLED}, which Greengrass cannot tell apart from any other non-zero exit).
 * {@link #NONE} while a component is healthy or finished normally.
 */
public enum StatusCode {
    NONE,
    INSTALL_ERROR,
    INSTALL_TIMEOUT,
    STARTUP_ERROR,
    STARTUP_TIMEOUT,
    RUN_ERROR,
    RUN_TIMEOUT,
    SHUTDOWN_ERROR,
    SHUTDOWN_TIMEOUT,
    /** The kernel killed a process of the component for memory: its cgroup's {@code oom_kill} counter rose. */
    OOM_KILLED,
    /** Stopped because a HARD dependency became BROKEN. */
    DEPENDENCY_BROKEN;

    /** The error or timeout code of {@code step}; only install, startup, run and shutdown have codes. */
    public static StatusCode of(Step step, boolean timedOut) {
        return switch (step) {
            case INSTALL -> timedOut ? INSTALL_TIMEOUT : INSTALL_ERROR;
            case STARTUP -> timedOut ? STARTUP_TIMEOUT : STARTUP_ERROR;
            case RUN -> timedOut ? RUN_TIMEOUT : RUN_ERROR;
            case SHUTDOWN -> timedOut ? SHUTDOWN_TIMEOUT : SHUTDOWN_ERROR;
            default -> throw new IllegalArgumentException("the " + step.key() + " step has no status code");
        };
    }
}
