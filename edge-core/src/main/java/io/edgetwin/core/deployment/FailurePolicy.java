package io.edgetwin.core.deployment;

/** What a failed deployment does: restore the previous one, or keep the new one as it is. */
public enum FailurePolicy {
    ROLLBACK, DO_NOTHING
}
