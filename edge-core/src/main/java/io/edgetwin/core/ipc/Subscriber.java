package io.edgetwin.core.ipc;

/** Receives the messages of a subscription. Called on the publisher's thread: must not block. */
@FunctionalInterface
public interface Subscriber {

    void deliver(String topic, byte[] payload);
}
