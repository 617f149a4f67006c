package io.edgetwin.core.ipc;

/** Receives the messages of a subscription. Called on the publisher's thread: must not block. */
@FunctionalInterface
public interface Subscriber {

    void deliver(String topic, byte[] payload);

    /**
     * The same, saying whether the publisher sent the payload as JSON (Greengrass {@code jsonMessage})
     * or as bytes ({@code binaryMessage}); subscribers that do not care take {@link #deliver(String, byte[])}.
     */
    default void deliver(String topic, byte[] payload, boolean json) {
        deliver(topic, payload);
    }
}
