package io.edgetwin.core.component;

import io.edgetwin.core.recipe.Lifecycle;
import io.edgetwin.core.recipe.Step;
import io.edgetwin.core.resources.ComponentCgroup;
import io.edgetwin.core.resources.EnforcementException;
import io.edgetwin.core.resources.ResourceLimits;
import io.edgetwin.core.resources.ResourceSample;
import java.util.Map;

/**
 * The processes of one component: starts its lifecycle steps and, through its cgroup, reaches every
 * process they left behind, reads its resources and its OOM kill counter. Without a cgroup (null)
 * steps run where the core runs and only empty limits can be applied.
 */
final class ComponentProcesses {

    private final String component;
    private final StepLauncher launcher;
    private final ComponentCgroup cgroup;
    private long oomKillsAtLaunch;

    ComponentProcesses(String component, Map<String, String> environment, ComponentCgroup cgroup) {
        this.component = component;
        this.launcher = new StepLauncher(component, environment, cgroup);
        this.cgroup = cgroup;
    }

    /** Starts {@code step}; the OOM kill counter is read first, so {@link #oomKilledSinceLaunch()} covers this step. */
    StepProcess launch(Lifecycle lifecycle, Step step) {
        oomKillsAtLaunch = oomKills();
        return launcher.launch(lifecycle, step);
    }

    /** Runs {@code step} to its end or its timeout, for a step that nothing else waits on (shutdown). */
    StepOutcome runToEnd(Lifecycle lifecycle, Step step) {
        return launcher.launch(lifecycle, step).awaitEnd();
    }

    /** True when the kernel OOM-killed a process of the component since the last launch. */
    boolean oomKilledSinceLaunch() {
        return oomKills() > oomKillsAtLaunch;
    }

    /** Kills every process left in the cgroup: children of an exited script were handed to init, only the cgroup finds them. */
    void killAll() {
        if (cgroup != null) {
            cgroup.killAll();
        }
    }

    /** Null without a cgroup. */
    ResourceSample sample() {
        return cgroup == null ? null : cgroup.sample();
    }

    boolean enforces(ResourceLimits limits) {
        return cgroup != null && !limits.isEmpty();
    }

    /** Writes the limits live; without a cgroup only empty limits are accepted (never silently unlimited). */
    void apply(ResourceLimits limits) {
        if (cgroup != null) {
            cgroup.apply(limits);
        } else if (!limits.isEmpty()) {
            throw new EnforcementException("component '" + component + "' has no cgroup; cannot enforce " + limits);
        }
    }

    /** Removes the cgroup once its processes are gone. */
    void release() {
        if (cgroup != null) {
            cgroup.remove();
        }
    }

    private long oomKills() {
        return cgroup == null ? 0 : cgroup.sample().oomKills();
    }
}
