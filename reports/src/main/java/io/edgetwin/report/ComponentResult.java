package io.edgetwin.report;

import java.util.Objects;

/**
 * One component of a twin at the end of a run.
 *
 * @param limits   the limits its deployment declared
 * @param enforced whether the edge core applied them with cgroups ({@code false}: recorded only,
 *                 as in the unlimited variant or on a host where the core cannot create cgroups)
 * @param state    its lifecycle state name ({@code RUNNING}, {@code BROKEN}, ...)
 * @param restarts how many times the core restarted it during the run
 */
public record ComponentResult(ComponentLimits limits, boolean enforced, String state, long restarts) {

    public ComponentResult {
        Objects.requireNonNull(limits, "limits");
        Checks.name("state", state);
        Checks.nonNegative("restarts", restarts);
    }
}
