package io.edgetwin.simulator.cloud;

/** The cloud side (artifact store, deployments) cannot do what was asked; the message says what and why. */
public final class CloudException extends RuntimeException {

    public CloudException(String message) {
        super(message);
    }

    public CloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
