package io.edgetwin.simulator.twin;

/** A twin, its image or the engine behind it could not be set up; the message says what to do next. */
public final class TwinException extends RuntimeException {

    public TwinException(String message) {
        super(message);
    }

    public TwinException(String message, Throwable cause) {
        super(message, cause);
    }
}
