package io.edgetwin.core.resources;

/**
 * Creates per-component cgroups on this device, cgroup v1 or v2 as the nucleus chooses
 * ({@code cgroup.controllers} at the cgroup root means v2).
 */
public interface ComponentCgroups {

    ComponentCgroup create(String component, ResourceLimits limits);

    /** "v1" or "v2". */
    String version();
}
