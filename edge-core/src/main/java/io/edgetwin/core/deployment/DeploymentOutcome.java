package io.edgetwin.core.deployment;

/** The result of applying a deployment, as Greengrass names it ({@code SUCCESSFUL}, {@code REJECTED}, ...). */
public record DeploymentOutcome(String deploymentId, String status, String reason) {

    public static DeploymentOutcome successful(String deploymentId) {
        return new DeploymentOutcome(deploymentId, "SUCCESSFUL", "");
    }

    public static DeploymentOutcome rejected(String deploymentId, String reason) {
        return new DeploymentOutcome(deploymentId, "REJECTED", reason);
    }
}
