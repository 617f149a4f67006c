package io.edgetwin.core.deployment;

/** The result of applying a deployment, as Greengrass names it ({@code SUCCESSFUL}, {@code REJECTED}, ...). */
public record DeploymentOutcome(String deploymentId, String status, String reason) {

    public static DeploymentOutcome successful(String deploymentId) {
        return new DeploymentOutcome(deploymentId, "SUCCESSFUL", "");
    }

    /** Failed before anything changed (e.g. an artifact failed its digest check): what ran before still runs. */
    public static DeploymentOutcome noStateChange(String deploymentId, String reason) {
        return new DeploymentOutcome(deploymentId, "FAILED_NO_STATE_CHANGE", reason);
    }

    public static DeploymentOutcome rejected(String deploymentId, String reason) {
        return new DeploymentOutcome(deploymentId, "REJECTED", reason);
    }
}
