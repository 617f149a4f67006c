package io.edgetwin.core.component;

import io.edgetwin.core.resources.ResourceLimits;
import java.util.Objects;

/** What the core runs for one component: the resolved script (variables interpolated) and its limits. */
public record ComponentSpec(String name, String version, String runScript, ResourceLimits limits) {

    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runScript, "runScript");
        Objects.requireNonNull(limits, "limits");
    }
}
