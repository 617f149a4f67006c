package io.edgetwin.simulator.scenario;

/**
 * A scenario file the harness refuses. The message starts with {@code file:line:column} when there is
 * one, names the field, and says what was expected. Raised before any container starts.
 */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }
}
