package io.edgetwin.simulator.measure;

import java.util.List;

/**
 * The samples of one cgroup of one twin: a component's (from the core's status messages) or the whole
 * twin's ({@code component} = "device", read on the host from the container's cgroup, or from the
 * core's status messages when the twin runs on another machine). Limits are null when unlimited.
 * {@code source} says where the figures came from ({@link #HOST_CGROUP}, {@link #CORE_STATUS},
 * {@link #CORE_STATUS_MEMORY_ONLY}).
 */
public record Series(String twin, String component, Long memoryLimitBytes, Double cpusLimit, List<ResourceSample> samples,
                     String source) {

    public static final String DEVICE = "device";
    public static final String HOST_CGROUP = "host cgroup";
    public static final String CORE_STATUS = "core status";
    public static final String CORE_STATUS_MEMORY_ONLY = "core status (memory and OOM kills only; CPU not measured)";

    public Series {
        samples = List.copyOf(samples);
    }

    public Series(String twin, String component, Long memoryLimitBytes, Double cpusLimit, List<ResourceSample> samples) {
        this(twin, component, memoryLimitBytes, cpusLimit, samples, DEVICE.equals(component) ? HOST_CGROUP : CORE_STATUS);
    }
}
