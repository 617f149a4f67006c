package io.edgetwin.core.component;

import io.edgetwin.core.resources.ResourceLimits;

/** A snapshot of one component for the status topic. */
public record ComponentStatus(String name, String version, ComponentState state, boolean ready, int restarts,
                              ResourceLimits limits, boolean enforced, String lastExit) {
}
