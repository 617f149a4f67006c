package io.edgetwin.simulator.sizing;

/** A sizing request the harness refuses before any twin starts: what is wrong and what was expected. */
public final class SizingException extends RuntimeException {

    public SizingException(String message) {
        super(message);
    }
}
