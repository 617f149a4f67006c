package io.edgetwin.core.deployment;

import java.util.List;
import java.util.Objects;

/** A Greengrass cloud deployment document, as far as the core applies it. Components start in listed order. */
public record Deployment(String deploymentId, List<DeploymentComponent> components, FailurePolicy failureHandlingPolicy) {

    public Deployment {
        Objects.requireNonNull(deploymentId, "deploymentId");
        components = List.copyOf(components);
        Objects.requireNonNull(failureHandlingPolicy, "failureHandlingPolicy");
    }
}
