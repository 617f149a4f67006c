package io.edgetwin.simulator.measure;

import java.util.List;

/**
 * The samples of one cgroup of one twin: a component's (from the core's status messages) or the whole
 * twin's ({@code component} = "device", read on the host from the container's cgroup). Limits are
 * null when unlimited.
 */
public record Series(String twin, String component, Long memoryLimitBytes, Double cpusLimit, List<ResourceSample> samples) {

    public static final String DEVICE = "device";

    public Series {
        samples = List.copyOf(samples);
    }
}
