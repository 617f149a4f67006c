package io.edgetwin.report;

import java.util.Map;

/**
 * OOM kills counted from the twin's events during a run.
 *
 * @param device     kills of the whole twin by its device-level memory cap
 * @param components kills per component by its own cgroup cap, in report order; a component
 *                   absent here had none
 */
public record OomKills(long device, Map<String, Long> components) {

    public OomKills {
        Checks.nonNegative("oomKills.device", device);
        components = Checks.orderedCopy("oomKills.components", components);
        components.forEach((name, kills) -> Checks.nonNegative("oomKills.components['" + name + "']", kills));
    }

    public static OomKills none() {
        return new OomKills(0, Map.of());
    }

    /** Kills of {@code component}, 0 when it has no entry. */
    public long component(String component) {
        return components.getOrDefault(component, 0L);
    }
}
