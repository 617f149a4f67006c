package io.edgetwin.core.resources;

/**
 * Limits were asked for and cannot be enforced on this device. The core refuses the deployment with
 * this message rather than run the component unlimited.
 */
public final class EnforcementException extends RuntimeException {

    public EnforcementException(String message) {
        super(message);
    }

    public EnforcementException(String message, Throwable cause) {
        super(message, cause);
    }
}
