package io.edgetwin.simulator.broker;

/** The broker could not be started; the message says what to do next. */
public final class BrokerException extends RuntimeException {

    public BrokerException(String message) {
        super(message);
    }
}
