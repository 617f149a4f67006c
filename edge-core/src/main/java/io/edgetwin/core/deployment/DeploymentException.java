package io.edgetwin.core.deployment;

/** A deployment document the core refuses; the message names the source and the field. */
public final class DeploymentException extends RuntimeException {

    public DeploymentException(String message) {
        super(message);
    }
}
