package io.edgetwin.core.component;

import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;

/**
 * A snapshot of one component for the status topic: its state and the {@link StatusCode} that explains
 * it. {@code resources} is its cgroup's reading, null when the component has no cgroup.
 */
public record ComponentStatus(String name, String version, ComponentState state, StatusCode statusCode,
                              boolean ready, int restarts,
                              ResourceLimits limits, boolean enforced, String lastExit, ResourceSample resources) {
}
